using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// An order placed at the gateway goes through every hop: Ordering prices it with Catalog and appends
/// OrderPlaced, the outbox relay publishes it, Catalog reserves its stock and Ordering records that on the
/// order, Payment and Notification record it, visibly through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task An_order_placed_at_the_gateway_is_reserved_authorised_and_confirmed_FR_02()
    {
        var skus = await Catalogue.InStockSkusAsync(gateway, 2, "Homme");
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        using var response = await Checkout.PlaceAsync(customer, Checkout.Body([(skus[0], 1), (skus[1], 1)]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = accepted.GetProperty("orderId").GetString()!;
        Assert.Equal("placed", accepted.GetProperty("status").GetString());
        Assert.StartsWith("CMD-", accepted.GetProperty("orderNumber").GetString(), StringComparison.Ordinal);
        // The delivery window checkout shows: 5 to 7 days for this shop [FR-08].
        var window = accepted.GetProperty("estimatedDelivery");
        Assert.Equal(2, DateOnly.Parse(window.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber
            - DateOnly.Parse(window.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber);
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.OriginalString);

        var order = await GetJsonAsync(customer, $"/api/orders/{orderId}");
        Assert.Equal("placed", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("lines").GetArrayLength());
        Assert.Equal("placed", order.GetProperty("statusHistory")[0].GetProperty("status").GetString());
        Assert.True(order.GetProperty("totalCents").GetInt64() > order.GetProperty("shippingFeeCents").GetInt64());

        var stock = await EventuallyJsonAsync(ops, $"/api/catalog/orders/{orderId}/stock", "Catalog to decide the order's stock");
        var statuses = stock.GetProperty("lines").EnumerateArray()
            .ToDictionary(line => line.GetProperty("sku").GetString()!, line => line.GetProperty("status").GetString());
        Assert.Equal("reserved", statuses[skus[0]]);
        Assert.Equal("reserved", statuses[skus[1]]);
        await Eventually.TrueAsync(async () => (await GetJsonAsync(customer, $"/api/orders/{orderId}")).GetProperty("lines").EnumerateArray()
            .All(line => line.GetProperty("status").GetString() == "reserved"), Patience, "Ordering to record the reservation on the order's lines");

        var payment = await EventuallyJsonAsync(ops, $"/api/payments/orders/{orderId}", "Payment to authorise the order");
        Assert.Equal("authorized", payment.GetProperty("status").GetString());
        Assert.Equal("4242", payment.GetProperty("last4").GetString());
        Assert.Equal(payment.GetProperty("amountCents").GetInt64(), payment.GetProperty("authorizedCents").GetInt64());

        // Stock reserved and payment authorised: the order is confirmed and in my orders [FR-02].
        await Eventually.TrueAsync(async () => (await GetJsonAsync(customer, $"/api/orders/{orderId}")).GetProperty("status").GetString() == "confirmed",
            Patience, "the order to be confirmed");
        var confirmed = await GetJsonAsync(customer, $"/api/orders/{orderId}");
        Assert.Equal(["placed", "confirmed"], confirmed.GetProperty("statusHistory").EnumerateArray().Select(change => change.GetProperty("status").GetString()));

        var notifications = await Eventually.GetAsync(async () =>
        {
            var log = await GetJsonAsync(ops, $"/api/notifications/orders/{orderId}");
            return log.EnumerateArray().Any(entry => entry.GetProperty("status").GetString() == "sent") ? (object)log : null;
        }, Patience, "Notification to send the confirmation");
        var entry = Assert.Single(((JsonElement)notifications).EnumerateArray());
        Assert.Equal(("order-confirmed", "email"), (entry.GetProperty("template").GetString(), entry.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task An_order_without_lines_is_refused_with_problem_details_naming_the_field()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var response = await Checkout.PlaceAsync(customer, Checkout.Body([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_with_problem_details()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var response = await customer.GetAsync($"/api/orders/{Guid.NewGuid()}");

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
        foreach (var service in (string[])["catalog", "ordering", "payment", "shipping", "returns", "notification", "accounts", "conversations"])
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> EventuallyJsonAsync(HttpClient client, string path, string what) =>
        (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.NotFound ? null : (object)await response.Content.ReadFromJsonAsync<JsonElement>();
        }, Patience, what);
}
