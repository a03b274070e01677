using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Catalog's internal pricing, as Ordering will call it: on the service, never through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PricingTests(PlatformFixture platform)
{
    private HttpClient Catalog() => new() { BaseAddress = platform.Endpoint("catalog") };

    [Fact]
    public async Task Skus_are_priced_VAT_included_with_their_product()
    {
        var page = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/catalog/products?q=robe%20ete&pageSize=1");
        var product = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{page.GetProperty("items")[0].GetProperty("id").GetString()}");
        var sku = product.GetProperty("skus")[0].GetProperty("sku").GetString();
        using var catalog = Catalog();

        using var response = await catalog.PostAsJsonAsync("/internal/pricing", new { lines = new[] { new { sku, quantity = 2 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var priced = await response.Content.ReadFromJsonAsync<JsonElement>();
        var line = priced.GetProperty("lines")[0];
        Assert.Equal(product.GetProperty("priceCents").GetInt64(), line.GetProperty("unitPriceCents").GetInt64());
        Assert.Equal(product.GetProperty("priceCents").GetInt64() * 2, priced.GetProperty("totalCents").GetInt64());
        Assert.Equal("house", line.GetProperty("sellerId").GetString());
    }

    [Fact]
    public async Task An_unknown_sku_is_refused_on_its_line()
    {
        using var catalog = Catalog();

        using var response = await catalog.PostAsJsonAsync("/internal/pricing", new { lines = new[] { new { sku = "PAS-UN-ARTICLE", quantity = 1 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lines[0].sku", out _));
    }

    [Fact]
    public async Task The_gateway_does_not_expose_internal_routes()
    {
        using var response = await platform.Gateway.PostAsJsonAsync("/internal/pricing", new { lines = new[] { new { sku = "X", quantity = 1 } } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
