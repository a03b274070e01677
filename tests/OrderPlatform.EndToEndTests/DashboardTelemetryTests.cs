using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>The dashboard decodes the OTLP the services export: one order is one trace across the services, logs carry its trace id.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardTelemetryTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_order_placed_through_the_gateway_is_one_trace_across_gateway_ordering_catalog_payment_and_notification()
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var placed = await Checkout.PlaceAsync(customer, Checkout.Body([(sku, 1)]));
        placed.EnsureSuccessStatusCode();
        var traceId = placed.Headers.GetValues("X-Correlation-Id").Single();
        using var dashboard = new HttpClient { BaseAddress = platform.System.DashboardAddress };

        string[] expected = ["gateway", "ordering", "catalog", "payment", "notification"];
        // Linked, not merely sharing an id: once every span arrived (they come in batches), each one's parent is in the trace but the gateway's root's.
        var spans = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await dashboard.GetAsync($"/api/traces/{traceId}");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var trace = await response.Content.ReadFromJsonAsync<JsonElement>();
            var resources = trace.EnumerateArray().Select(span => span.GetProperty("resource").GetString()).ToHashSet();
            var ids = trace.EnumerateArray().Select(span => span.GetProperty("spanId").GetString()).ToHashSet();
            var roots = trace.EnumerateArray().Count(span => span.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null
                                                             || !ids.Contains(span.GetProperty("parentSpanId").GetString()));
            return expected.All(resources.Contains) && roots == 1 ? (object)trace : null;
        }, Patience, "the order's trace, whole and linked, from every service");

        var root = spans.EnumerateArray().Single(span => span.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        Assert.Equal(("gateway", "POST /api/orders/{**rest}"), (root.GetProperty("resource").GetString(), root.GetProperty("name").GetString()));
        Assert.Contains(spans.EnumerateArray(), span => span.GetProperty("scope").GetString() == "OrderPlatform.OutboxRelay"); // across RabbitMQ
        var listed = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?resource=notification&limit=1000");
        Assert.Contains(listed.EnumerateArray(), trace => trace.GetProperty("traceId").GetString() == traceId);
        var logs = await dashboard.GetFromJsonAsync<JsonElement>($"/api/logs?traceId={traceId}");
        Assert.All(logs.EnumerateArray(), log => Assert.Equal(traceId, log.GetProperty("traceId").GetString()));
        var metric = (JsonElement)await Eventually.GetAsync(async () =>
            (await dashboard.GetFromJsonAsync<JsonElement>("/api/metrics")).EnumerateArray().FirstOrDefault(name => name.GetString() == "http.server.request.duration")
                is { ValueKind: JsonValueKind.String } found ? (object)found : null, Patience, "the services' metrics");
        Assert.NotEmpty((await dashboard.GetFromJsonAsync<JsonElement>($"/api/metrics/{metric.GetString()}?resource=gateway")).EnumerateArray());
    }

    [Fact]
    public async Task A_message_a_consumer_gives_up_on_shows_in_its_error_queue_with_the_reason()
    {
        var orderId = Guid.NewGuid(); // a shipment of an order no service has heard of: Returns cannot place it
        await Broker.PoisonAsync(platform, orderId);
        using var dashboard = new HttpClient { BaseAddress = platform.System.DashboardAddress };

        var queue = (JsonElement)await Eventually.GetAsync(async () =>
            (await dashboard.GetFromJsonAsync<JsonElement>("/api/queues")).EnumerateArray().FirstOrDefault(q => q.GetProperty("name").GetString() == "returns-order-shipped_error"
                && q.GetProperty("messages").GetInt64() > 0) is { ValueKind: JsonValueKind.Object } found ? (object)found : null, Patience, "the error queue to fill");

        Assert.True(queue.GetProperty("errorQueue").GetBoolean());
        var peeked = await dashboard.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(queue.GetProperty("virtualHost").GetString()!)}/returns-order-shipped_error/messages");
        Assert.Contains(peeked.EnumerateArray(), message => message.GetProperty("payload").GetString()!.Contains(orderId.ToString(), StringComparison.Ordinal)
                                                            && message.GetProperty("exception").GetString()!.Contains("not known to Returns", StringComparison.Ordinal));
        // A peek puts the message back.
        Assert.True((await dashboard.GetFromJsonAsync<JsonElement>("/api/queues")).EnumerateArray()
            .Single(q => q.GetProperty("name").GetString() == "returns-order-shipped_error").GetProperty("messages").GetInt64() >= 1);
    }
}
