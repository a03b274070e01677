using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>A certified marketplace seller, signed in as the person who applied; <see cref="ContactEmail"/> is where the platform writes to it.</summary>
public sealed record SignedInSeller(HttpClient Client, string SellerId, string Email, string ContactEmail) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>Makes marketplace sellers through the gateway, as a company and operations would [MP-01].</summary>
public static class Sellers
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A valid SIRET no other test uses: a random SIREN with its Luhn key, then a random establishment number with the SIRET's key.</summary>
    public static string NewSiret() =>
        NewSiretOf(WithLuhnKey(string.Concat(Enumerable.Range(0, 8).Select(i => i == 0 ? 1 + Random.Shared.Next(9) : Random.Shared.Next(10)))));

    /// <summary>A valid SIRET of another establishment of the company <paramref name="siren"/>.</summary>
    public static string NewSiretOf(string siren) => WithLuhnKey(siren + string.Concat(Enumerable.Range(0, 4).Select(_ => Random.Shared.Next(10))));

    /// <summary>A company applies, operations certify it; once Accounts has heard, the applicant signs in as the seller's person.</summary>
    public static async Task<SignedInSeller> CertifiedAsync(HttpClient gateway, HttpClient ops, string company)
    {
        var (email, contact) = (Accounts.NewEmail(), $"contact-{Guid.NewGuid():N}@vendeur.fr");
        using (var applicant = await Accounts.NewCustomerAsync(gateway, email))
        {
            using var applied = await applicant.PostAsJsonAsync("/api/catalog/sellers/applications", SellerApplicationTests.Application(NewSiret(), company, contact));
            Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
            var applicationId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            using var certified = await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{applicationId}/decision", new { certify = true });
            Assert.Equal(HttpStatusCode.OK, certified.StatusCode);
            var sellerId = (await certified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sellerId").GetString()!;
            var seller = await SignedInAsSellerAsync(gateway, email, "Mot-de-passe-2026");
            return new SignedInSeller(seller, sellerId, email, contact);
        }
    }

    /// <summary>Signs in again until the token carries the seller (Accounts learns of the certification by message).</summary>
    public static async Task<HttpClient> SignedInAsSellerAsync(HttpClient gateway, string email, string password) =>
        (HttpClient)await Eventually.GetAsync(async () =>
        {
            var client = await Accounts.SignedInAsync(gateway, email, password);
            using var probe = await client.GetAsync("/api/catalog/seller/products");
            if (probe.StatusCode == HttpStatusCode.OK)
            {
                return (object)client;
            }

            client.Dispose();
            return null;
        }, Patience, $"{email} to act for its seller");

    /// <summary>The seller puts a product on sale with one SKU and units in stock; the product's id and SKU.</summary>
    public static async Task<(string ProductId, string Sku)> PublishedProductAsync(HttpClient seller, string name, long priceCents, int shipsWithinDays,
        int units)
    {
        var sku = "MP-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var created = await seller.PostAsJsonAsync("/api/catalog/seller/products", new
        {
            name, description = "Fait main en France.", category = "Maison/Cuisine", priceCents, shipsWithinDays, skus = new[] { new { code = sku } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var product = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(product.GetProperty("published").GetBoolean());
        using var stocked = await seller.PutAsJsonAsync($"/api/catalog/seller/stock/{sku}", new { onHand = units });
        Assert.True(stocked.StatusCode == HttpStatusCode.OK, await stocked.Content.ReadAsStringAsync());
        return (product.GetProperty("id").GetString()!, sku);
    }

    private static string WithLuhnKey(string digits) =>
        Enumerable.Range(0, 10).Select(key => digits + key).First(candidate =>
            candidate.Reverse().Select((digit, i) => (digit - '0') * (i % 2 == 1 ? 2 : 1)).Sum(product => product > 9 ? product - 9 : product) % 10 == 0);

    /// <summary>A buyer's order of one unit of each SKU, paid and handed on to its sellers; the order as the buyer sees it.</summary>
    public static async Task<(string OrderId, JsonElement Order)> HandedOnOrderAsync(HttpClient buyer, HttpClient ops, params string[] skus)
    {
        var orderId = await Checkout.PlacedOrderIdAsync(buyer, Checkout.Body(skus.Select(sku => (sku, 1))));
        var order = await Warehouse.ConfirmedAsync(buyer, orderId);
        await Warehouse.HandOffAsync(ops, orderId);
        return (orderId, order);
    }
}
