namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Card numbers stop at the PSP's form: after orders paid and declined with every test card, none of the
/// numbers is in any service's database or console, nor in the PSP sandbox's console [FR-29].
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CardDataScanTests(PlatformFixture platform)
{
    private static readonly string[] TestCards =
    [
        "4242424242424242", "5555555555554444", "4000002500001001", "6759649826438453", "378282246310005",
        "4000000000009995", "4000000000009987", "4000000000000002", "4000002760003184", "4000000000000069",
    ];

    [Fact]
    public async Task No_card_number_is_stored_or_printed_anywhere_FR_29()
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 2, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        foreach (var card in TestCards)
        {
            var token = await Checkout.TokeniseAsync(platform.Sandboxes, string.Join(' ', card.Chunk(4).Select(group => new string(group))));
            Assert.DoesNotContain(card[..12], token, StringComparison.Ordinal);
            await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], token: token));
        }

        // Payment keeps the last four digits: once the scan finds them, the authorisations have gone through.
        await Eventually.TrueAsync(async () => await platform.ScalarAsync("paymentdb", "select count(*) from mt_doc_payment where data ->> 'Last4' = '0069'") is > 0L,
            TimeSpan.FromSeconds(60), "Payment to authorise the last order");

        var printed = await platform.PrintedAsync();
        var databases = await platform.DatabasesAsync();
        foreach (var card in TestCards)
        {
            var printedBy = printed.Where(line => line.Replace(" ", "", StringComparison.Ordinal).Contains(card, StringComparison.Ordinal))
                .Select(line => line.Split(':')[0]).Distinct().ToList();
            Assert.True(printedBy.Count == 0, $"{card} was printed by {string.Join(", ", printedBy)}");
            foreach (var database in databases)
            {
                var tables = await platform.TablesContainingAsync(database, card);
                Assert.True(tables.Count == 0, $"{card} is stored in {database}: {string.Join(", ", tables)}");
            }
        }
    }
}
