using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>SKUs of the demo catalogue, read through the gateway like a storefront would.</summary>
public static class Catalogue
{
    /// <summary>SKUs that have stock, one per product, picked at random so tests do not all drain the same ones.</summary>
    public static Task<List<string>> InStockSkusAsync(HttpClient gateway, int count, string category = "Femme") =>
        InStockSkusAsync(gateway, count, category, outletToo: true);

    private static async Task<List<string>> InStockSkusAsync(HttpClient gateway, int count, string category, bool outletToo)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var page = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products?category={category}&pageSize=50");
        var products = page.GetProperty("items").EnumerateArray()
            .Where(item => outletToo || !item.GetProperty("outlet").GetBoolean())
            .Select(item => item.GetProperty("id").GetString()!).OrderBy(_ => Random.Shared.Next()).ToList();
        var skus = new List<string>();
        foreach (var productId in products)
        {
            var product = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{productId}");
            skus.AddRange(product.GetProperty("skus").EnumerateArray()
                .Where(sku => sku.GetProperty("available").GetBoolean())
                .Select(sku => sku.GetProperty("sku").GetString()!)
                .OrderBy(_ => Random.Shared.Next())
                .Take(1));
            if (skus.Count == count)
            {
                return skus;
            }
        }

        throw new InvalidOperationException($"The demo catalogue has fewer than {count} products in stock in {category}.");
    }

    /// <summary>
    /// In-stock SKUs to which operations have just added <paramref name="units"/>: a test that orders several units of
    /// one SKU does not depend on what the tests before it left on the shelf (a SKU of 3 served one of its orders no more).
    /// Never an outlet article: those are never restocked [FR-22].
    /// </summary>
    public static async Task<List<string>> StockedSkusAsync(HttpClient gateway, int count, int units, string category = "Femme")
    {
        var skus = await InStockSkusAsync(gateway, count, category, outletToo: false);
        foreach (var sku in skus)
        {
            await RestockAsync(gateway, sku, units);
        }

        return skus;
    }

    /// <summary>
    /// Operations add units of a SKU: a test that orders a fixed SKU (a small catalogue's) puts back what it takes, so that the tests after
    /// it find the shelf as they expect.
    /// </summary>
    public static async Task RestockAsync(HttpClient gateway, string sku, int units)
    {
        using var ops = await Accounts.OpsAsync(gateway);
        using var restocked = await ops.PutAsJsonAsync($"/api/catalog/stock/{sku}", new { add = units });
        Assert.True(restocked.IsSuccessStatusCode, $"restocking {sku}: {(int)restocked.StatusCode} {await restocked.Content.ReadAsStringAsync()}");
    }
}
