using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>The gateway serves one OpenAPI document for all services and an API reference page.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiDocumentationTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_merged_document_has_every_services_public_routes_and_no_internal_one()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/platform.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();

        foreach (var route in (string[])["/api/orders", "/api/orders/{orderId}", "/api/catalog/products", "/api/catalog/stores",
                     "/api/catalog/stock/{sku}", "/api/catalog/reservations", "/api/accounts", "/api/accounts/token", "/api/accounts/me"])
        {
            Assert.Contains(route, paths);
        }

        Assert.DoesNotContain(paths, path => path.StartsWith("/internal", StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_gateway_itself()
    {
        using var response = await platform.Gateway.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/platform.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal); // nothing outside loopback is reachable
        using var script = await platform.Gateway.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
