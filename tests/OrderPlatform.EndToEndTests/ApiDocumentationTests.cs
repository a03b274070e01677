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
    public async Task Each_operation_shows_its_own_services_schema_when_two_services_use_one_name()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/platform.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // The checkout's delivery address (Ordering) names its recipient; the profile's address (Accounts) has a kind instead.
        var checkout = Resolve(schemas, document.GetProperty("paths").GetProperty("/api/orders").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var deliveryAddress = Resolve(schemas, checkout.GetProperty("properties").GetProperty("deliveryAddress"));
        Assert.True(deliveryAddress.GetProperty("properties").TryGetProperty("firstName", out _), deliveryAddress.ToString());
        Assert.False(deliveryAddress.GetProperty("properties").TryGetProperty("kind", out _));
        Assert.True(schemas.TryGetProperty("ShipmentView", out _));
        Assert.NotEqual(schemas.GetProperty("ShipmentView").ToString(),
            schemas.EnumerateObject().Single(schema => schema.Name.EndsWith("ShipmentView", StringComparison.Ordinal) && schema.Name != "ShipmentView").Value.ToString());
    }

    /// <summary>The schema a reference (or a nullable union holding one) points to.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        return schema.TryGetProperty("oneOf", out var options) || schema.TryGetProperty("anyOf", out options)
            ? Resolve(schemas, options.EnumerateArray().First(option => option.TryGetProperty("$ref", out _)))
            : schema;
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
