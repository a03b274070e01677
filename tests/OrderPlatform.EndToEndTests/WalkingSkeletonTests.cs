using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// An order placed at the gateway goes through every hop: Ordering appends OrderPlaced, the outbox relay
/// publishes it, and Catalog, Payment and Notification each record it, visibly through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task An_order_placed_at_the_gateway_reaches_catalog_payment_and_notification()
    {
        using var response = await gateway.PostAsJsonAsync("/api/orders", new
        {
            lines = new[] { new { sku = "ROBE-ETE-38", quantity = 1 }, new { sku = "JEAN-SLIM-40", quantity = 2 } },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = accepted.GetProperty("orderId").GetString()!;
        Assert.Equal("placed", accepted.GetProperty("status").GetString());
        Assert.StartsWith("CMD-", accepted.GetProperty("orderNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.OriginalString);

        var order = await GetJsonAsync($"/api/orders/{orderId}");
        Assert.Equal("placed", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("lines").GetArrayLength());
        Assert.Equal("placed", order.GetProperty("statusHistory")[0].GetProperty("status").GetString());

        var stock = await EventuallyJsonAsync($"/api/catalog/orders/{orderId}/stock", "Catalog to record the order's stock request");
        Assert.Equal(2, stock.GetProperty("lines").GetArrayLength());

        var payment = await EventuallyJsonAsync($"/api/payments/orders/{orderId}", "Payment to record the order");
        Assert.Equal("awaiting-authorisation", payment.GetProperty("status").GetString());

        var notifications = await Eventually.GetAsync(async () =>
        {
            var log = await GetJsonAsync($"/api/notifications/orders/{orderId}");
            return log.GetArrayLength() > 0 ? (object)log : null;
        }, Patience, "Notification to record the order");
        var entry = Assert.Single(((JsonElement)notifications).EnumerateArray());
        Assert.Equal("order-received", entry.GetProperty("template").GetString());
    }

    [Fact]
    public async Task An_order_without_lines_is_refused_with_problem_details_naming_the_field()
    {
        using var response = await gateway.PostAsJsonAsync("/api/orders", new { lines = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_with_problem_details()
    {
        using var response = await gateway.GetAsync($"/api/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_is_healthy_when_every_service_is_and_says_so_per_service()
    {
        var health = await Eventually.GetAsync(async () =>
        {
            using var response = await gateway.GetAsync("/health");
            return response.IsSuccessStatusCode ? (object)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, Patience, "the gateway to be healthy");

        var checks = ((JsonElement)health).GetProperty("checks");
        foreach (var service in Hosting.OrderPlatformSystem.Services)
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await gateway.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> EventuallyJsonAsync(string path, string what) =>
        (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await gateway.GetAsync(path);
            return response.StatusCode == HttpStatusCode.NotFound ? null : (object)await response.Content.ReadFromJsonAsync<JsonElement>();
        }, Patience, what);
}
