using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Password change, loyalty-club membership, operator erasure, and what other services keep from Accounts' events.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProfileTests(PlatformFixture platform)
{
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task A_customer_changes_their_password_with_the_current_one_FR_31_JI_14()
    {
        var email = Accounts.NewEmail();
        (await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();
        using var customer = await SignedInAsync(email, "Mot-de-passe-2026");

        using var wrongCurrent = await customer.PutAsJsonAsync("/api/accounts/me/password", new { currentPassword = "Pas-le-bon-2026", newPassword = "Nouveau-mot-2026" });
        using var weak = await customer.PutAsJsonAsync("/api/accounts/me/password", new { currentPassword = "Mot-de-passe-2026", newPassword = "court" });
        using var changed = await customer.PutAsJsonAsync("/api/accounts/me/password", new { currentPassword = "Mot-de-passe-2026", newPassword = "Nouveau-mot-2026" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.True((await wrongCurrent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(gateway, email, "Nouveau-mot-2026")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.PutAsJsonAsync("/api/accounts/me/password",
            new { currentPassword = "Nouveau-mot-2026", newPassword = "Encore-un-2026" })).StatusCode);
    }

    [Fact]
    public async Task A_customer_joins_the_loyalty_club_and_other_services_learn_it_from_the_event_FR_14()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var customerId = (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString()!;

        using var joined = await customer.PutAsJsonAsync("/api/accounts/me", new { loyaltyMember = true });

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.True((await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("loyaltyMember").GetBoolean());
        await Eventually.TrueAsync(async () => await platform.ScalarAsync("notificationdb",
                "select data ->> 'LoyaltyMember' from mt_doc_knowncustomer where id = @p0", Guid.Parse(customerId)) is "true",
            TimeSpan.FromSeconds(30), "Notification to learn the membership from CustomerProfileChanged");
    }

    [Fact]
    public async Task Ops_erase_an_account_identified_by_email_and_customer_number_and_every_service_forgets_it_JI_15()
    {
        var email = Accounts.NewEmail();
        using var signUp = await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", firstName = "Hortense" });
        var created = await signUp.Content.ReadFromJsonAsync<JsonElement>();
        var customerId = Guid.Parse(created.GetProperty("customerId").GetString()!);
        var customerNumber = created.GetProperty("customerNumber").GetString()!;
        await Eventually.TrueAsync(async () => await platform.ScalarAsync("notificationdb",
                "select data ->> 'Email' from mt_doc_knowncustomer where id = @p0", customerId) is string known && known == email,
            TimeSpan.FromSeconds(30), "Notification to keep the customer's e-mail from CustomerRegistered");
        using var ops = await Accounts.OpsAsync(gateway);

        // Before leaving, the customer ordered, was delivered, sent an item back and claimed about it: every service holds something of them.
        using var customer = await SignedInAsync(email, "Mot-de-passe-2026");
        var lastName = "Vasseur" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        var claimText = "Couture défaite près de la poche, " + Guid.NewGuid().ToString("N")[..10];
        await OrderedShippedReturnedAndClaimedAsync(customer, ops, lastName, claimText);

        using var someCustomer = await Accounts.NewCustomerAsync(gateway);

        using var notOps = await someCustomer.PostAsJsonAsync("/api/accounts/erasures", new { email, customerNumber });
        using var numberMismatch = await ops.PostAsJsonAsync("/api/accounts/erasures", new { email, customerNumber = "C99999999" });
        using var erased = await ops.PostAsJsonAsync("/api/accounts/erasures", new { email, customerNumber });

        Assert.Equal(HttpStatusCode.Forbidden, notOps.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, numberMismatch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" })).StatusCode);
        await Eventually.TrueAsync(async () => await platform.ScalarAsync("notificationdb",
                "select count(*) from mt_doc_knowncustomer where id = @p0 and data ->> 'ErasedAt' is not null and data ->> 'Email' is null", customerId) is 1L,
            TimeSpan.FromSeconds(30), "Notification to forget the customer on CustomerErased");
        foreach (var database in await platform.DatabasesAsync())
        {
            foreach (var trace in new[] { email, "Hortense", lastName, claimText[..20] })
            {
                IReadOnlyList<string> holding = [];
                try
                {
                    await Eventually.TrueAsync(async () => (holding = await platform.TablesContainingAsync(database, trace)).Count == 0, TimeSpan.FromSeconds(30),
                        $"{database} to forget \"{trace}\"");
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{e.Message} Still in: {string.Join(", ", holding)}.", e);
                }
            }
        }
    }

    private async Task OrderedShippedReturnedAndClaimedAsync(HttpClient customer, HttpClient ops, string lastName, string claimText)
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], firstName: "Hortense", lastName: lastName));
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var shipment = (await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order))).GetProperty("shipment");
        await Warehouse.DeliverAsync(platform.Sandboxes, shipment, DateTimeOffset.UtcNow.AddHours(-1));
        var lineId = order.GetProperty("lines")[0].GetProperty("lineId").GetString()!;
        var returned = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await customer.PostAsJsonAsync("/api/returns", new
            {
                orderId, lines = new[] { new { lineId, quantity = 1, reason = "changed-mind" } }, refundMethod = "original",
            });
            return response.StatusCode == HttpStatusCode.Created ? (object)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, TimeSpan.FromSeconds(45), "the delivered order to take a return");
        await Eventually.TrueAsync(async () => (await customer.GetAsync($"/api/returns/{returned.GetProperty("returnId").GetString()}/authorisation"))
            .StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(45), "the return's label and authorisation");
        // The one unit is coming back: the claim is about the parcel, not the unit (a unit is returned or claimed, never both).
        using var claim = ReturnsTests.Claim(orderId, "damaged", null, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        claim.Add(new StringContent(claimText), "description");
        using var filed = await customer.PostAsync("/api/claims", claim);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.TokenAsync(gateway, email, password));
        return client;
    }
}
