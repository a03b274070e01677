using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>The catalogue through the gateway, on the demo data Catalog loads in development.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogTests(PlatformFixture platform)
{
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task A_search_without_accents_finds_the_summer_dress_and_its_page_has_everything_FR_20()
    {
        var page = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/products?q=robe%20ete&pageSize=5");
        var first = page.GetProperty("items")[0];
        Assert.StartsWith("Robe d'été fleurie", first.GetProperty("name").GetString(), StringComparison.Ordinal);

        var product = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{first.GetProperty("id").GetString()}");
        Assert.False(string.IsNullOrWhiteSpace(product.GetProperty("description").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(product.GetProperty("composition").GetString()));
        Assert.True(product.GetProperty("imageUrls").GetArrayLength() > 0);
        Assert.True(product.GetProperty("priceCents").GetInt64() > 0);
        var sku = product.GetProperty("skus")[0];
        foreach (var field in (string[])["sku", "size", "colour", "available", "restockPossible"])
        {
            Assert.True(sku.TryGetProperty(field, out _), $"a SKU has {field}");
        }
    }

    [Fact]
    public async Task Browsing_a_category_pages_through_it()
    {
        var page = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/products?category=Homme&page=2&pageSize=10");

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() > 20);
    }

    [Fact]
    public async Task Stores_are_found_by_city_or_postal_code_FR_23()
    {
        var byCity = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/stores?city=liege");
        var byPostalCode = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/stores?postalCode=75");

        Assert.Equal("Liège", byCity[0].GetProperty("city").GetString());
        Assert.Equal(2, byPostalCode.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/catalog/products?pageSize=0", "pageSize")]
    [InlineData("/api/catalog/stores", "postalCode")]
    public async Task Bad_queries_are_problem_details_naming_the_field(string path, string field)
    {
        using var response = await gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_product_is_a_404()
    {
        using var response = await gateway.GetAsync("/api/catalog/products/pas-un-produit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_shop_that_is_not_a_marketplace_takes_no_seller_applications_MP_01()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);

        using var applied = await customer.PostAsJsonAsync("/api/catalog/sellers/applications", SellerApplicationTests.Application("73282932000074"));

        Assert.Equal(HttpStatusCode.NotFound, applied.StatusCode);
        Assert.Equal("application/problem+json", applied.Content.Headers.ContentType?.MediaType); // the route is not mapped here
    }
}
