using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Restocking through the gateway, as the warehouse's operators do it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RestockTests(PlatformFixture platform)
{
    private readonly HttpClient gateway = platform.Gateway;

    private async Task<(string Sku, bool Outlet)> FirstSkuAsync(bool outlet)
    {
        for (var page = 1; page < 10; page++)
        {
            var found = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products?category=Femme&page={page}&pageSize=50");
            foreach (var item in found.GetProperty("items").EnumerateArray().Where(item => item.GetProperty("outlet").GetBoolean() == outlet))
            {
                var product = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{item.GetProperty("id").GetString()}");
                return (product.GetProperty("skus")[0].GetProperty("sku").GetString()!, outlet);
            }
        }

        throw new InvalidOperationException("No such article in the demo catalogue.");
    }

    [Fact]
    public async Task Operators_add_units_and_the_product_page_shows_them_available()
    {
        var (sku, _) = await FirstSkuAsync(outlet: false);
        using var ops = await Accounts.OpsAsync(gateway);

        using var response = await ops.PutAsJsonAsync($"/api/catalog/stock/{sku}", new { add = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onHand").GetInt32() >= 5);
    }

    [Fact]
    public async Task An_outlet_article_is_never_restocked_FR_22()
    {
        var (sku, _) = await FirstSkuAsync(outlet: true);
        using var ops = await Accounts.OpsAsync(gateway);

        using var response = await ops.PutAsJsonAsync($"/api/catalog/stock/{sku}", new { add = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_operators_restock()
    {
        var (sku, _) = await FirstSkuAsync(outlet: false);
        using var customer = await Accounts.NewCustomerAsync(gateway);

        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.PutAsJsonAsync($"/api/catalog/stock/{sku}", new { add = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsJsonAsync($"/api/catalog/stock/{sku}", new { add = 1 })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_sku_is_a_404_and_a_bad_change_names_the_field()
    {
        using var ops = await Accounts.OpsAsync(gateway);

        Assert.Equal(HttpStatusCode.NotFound, (await ops.PutAsJsonAsync("/api/catalog/stock/PAS-UN-ARTICLE", new { add = 1 })).StatusCode);
        using var bad = await ops.PutAsJsonAsync("/api/catalog/stock/PAS-UN-ARTICLE", new { add = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("add", out _));
    }
}
