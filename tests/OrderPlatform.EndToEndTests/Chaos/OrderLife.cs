using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests.Chaos;

/// <summary>
/// What one order should end as: its status, what the customer should have paid for it in the end, and the units that left the
/// warehouse's stock for it (shipped, or found missing and written off; a return's items are not put back on sale).
/// </summary>
public sealed record ExpectedEnd(string OrderId, string Status, long PaidCents, bool Returned = false, IReadOnlyDictionary<string, int>? UnitsOut = null);

/// <summary>
/// One order driven through its life as a customer, ops and the warehouse would, retrying what the platform could not answer:
/// checkout with a fresh card; some cancelled at once; the others handed off, shipped (every fifth with a line found missing)
/// and delivered; every fourth of these sends an item back, refunded to the card.
/// </summary>
public sealed class OrderLife(ChaosPlatform platform, HttpClient customer, IReadOnlyList<string> skus, int number)
{
    private HttpClient ops = null!;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    private bool CancelledAtOnce => number % 7 == 3;

    private bool LineMissing => number % 5 == 0;

    private bool Returned => number % 4 == 1 && !LineMissing;

    public async Task<ExpectedEnd> RunAsync()
    {
        using var opsClient = await Resilient.OpsAsync(platform.Gateway);
        ops = opsClient;
        var card = await Resilient.TokeniseAsync(platform.Sandboxes);
        (string Sku, int Quantity)[] basket = [(skus[number % skus.Count], 1), (skus[(number + 1) % skus.Count], 2)];
        var body = Checkout.Body(basket, token: card);
        var key = Guid.NewGuid().ToString();
        using var placed = await Resilient.SendAsync(customer, () => Post("/api/orders", body, key), Patience,
            async response => response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("in progress", StringComparison.OrdinalIgnoreCase));
        using (await Resilient.SendAsync(customer, () => Post("/api/orders", body, key), Patience))
        {
            // The storefront sent the same checkout again: still one order.
        }

        Assert.True(placed.IsSuccessStatusCode, $"checkout {number}: {(int)placed.StatusCode} {await placed.Content.ReadAsStringAsync()}");
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;

        if (CancelledAtOnce)
        {
            using var cancelled = await Resilient.SendAsync(customer, () => Post($"/api/orders/{orderId}/cancel", new { }, Guid.NewGuid().ToString()), Patience);
            if (cancelled.IsSuccessStatusCode)
            {
                return new ExpectedEnd(orderId, "cancelled", 0);
            }
        }

        var order = await StatusAsync(orderId, "confirmed", "preparing");
        using (var handedOff = await Resilient.SendAsync(ops, () => Post($"/api/ops/orders/{orderId}/hand-off", null, null), Patience))
        {
            Assert.True(handedOff.IsSuccessStatusCode || handedOff.StatusCode == HttpStatusCode.Conflict, $"hand-off {number}: {(int)handedOff.StatusCode}");
        }

        var lines = Warehouse.AllLines(order).ToList();
        var missing = LineMissing ? new[] { lines[1].LineId } : [];
        var shipBody = new { lines = (LineMissing ? lines.Take(1) : lines).Select(line => new { lineId = line.LineId, quantity = line.Quantity }).ToArray(), unavailable = missing };
        var shipKey = Guid.NewGuid().ToString();
        using var shipped = await Resilient.SendAsync(ops, () => Post($"/api/shipping/orders/{orderId}/shipments", shipBody, shipKey), Patience,
            async response => response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("not with the warehouse", StringComparison.Ordinal));
        Assert.True(shipped.IsSuccessStatusCode, $"ship {number}: {(int)shipped.StatusCode} {await shipped.Content.ReadAsStringAsync()}");
        var shipment = (await shipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shipment");
        if (shipment.GetProperty("trackingNumber").ValueKind == JsonValueKind.Null)
        {
            shipment = await LabelledAsync(shipment.GetProperty("shipmentId").GetString()!);
        }

        await Warehouse.DeliverAsync(platform.Sandboxes, shipment, DateTimeOffset.UtcNow.AddMinutes(-1));
        var delivered = await StatusAsync(orderId, "delivered");
        var missingLine = delivered.GetProperty("lines")[1];
        var paid = delivered.GetProperty("totalCents").GetInt64() - (LineMissing
            ? (missingLine.GetProperty("unitPriceCents").GetInt64() * missingLine.GetProperty("quantity").GetInt32()) - missingLine.GetProperty("discountCents").GetInt64()
            : 0);
        var unitsOut = basket.ToDictionary(line => line.Sku, line => line.Quantity);
        return Returned
            ? new ExpectedEnd(orderId, "delivered", paid - await ReturnFirstLineAsync(orderId, delivered), Returned: true, unitsOut)
            : new ExpectedEnd(orderId, "delivered", paid, UnitsOut: unitsOut);
    }

    /// <summary>The customer sends the first line back, ops receive it, the card is refunded: how much came back.</summary>
    private async Task<long> ReturnFirstLineAsync(string orderId, JsonElement order)
    {
        var line = order.GetProperty("lines")[0];
        var lineId = line.GetProperty("lineId").GetString();
        var asked = new { orderId, lines = new[] { new { lineId, quantity = 1, reason = "wrong-size" } }, refundMethod = "original" };
        using var requested = await Resilient.SendAsync(customer, () => Post("/api/returns", asked, Guid.NewGuid().ToString()), Patience,
            response => Task.FromResult(response.StatusCode == HttpStatusCode.Conflict)); // Returns has not heard of the delivery yet
        Assert.True(requested.StatusCode == HttpStatusCode.Created, $"return {number}: {(int)requested.StatusCode} {await requested.Content.ReadAsStringAsync()}");
        var created = await requested.Content.ReadFromJsonAsync<JsonElement>();
        var returnId = created.GetProperty("returnId").GetString();
        // What FR-13/FR-14 give back for one item of a partial return: its price, less the return label.
        var refund = line.GetProperty("unitPriceCents").GetInt64() - (line.GetProperty("discountCents").GetInt64() / line.GetProperty("quantity").GetInt32())
                     - created.GetProperty("labelCostCents").GetInt64();
        var inspection = new { lines = new[] { new { lineId, accepted = true } } };
        // 409 "already received" is our own earlier request whose answer was lost; "changed meanwhile" is asked again.
        using (var received = await Resilient.SendAsync(ops, () => Post($"/api/returns/{returnId}/reception", inspection, null), Patience,
                   async response => response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("changed meanwhile", StringComparison.Ordinal)))
        {
            Assert.True(received.IsSuccessStatusCode || (received.StatusCode == HttpStatusCode.Conflict
                                                         && (await received.Content.ReadAsStringAsync()).Contains("already received", StringComparison.Ordinal)),
                $"reception {number}: {(int)received.StatusCode} {await received.Content.ReadAsStringAsync()}");
        }

        await PollAsync(async () =>
        {
            using var response = await Resilient.SendAsync(customer, () => new HttpRequestMessage(HttpMethod.Get, $"/api/returns/{returnId}"), Patience);
            return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is var found
                   && found.GetProperty("status").GetString() == "refunded" ? found : (JsonElement?)null;
        }, $"return {returnId} of order {number} to be refunded");
        return refund;
    }

    private async Task<JsonElement> StatusAsync(string orderId, params string[] statuses) =>
        await PollAsync(async () =>
        {
            using var response = await Resilient.SendAsync(customer, () => new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}"), Patience);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var order = await response.Content.ReadFromJsonAsync<JsonElement>();
            return statuses.Contains(order.GetProperty("status").GetString()) ? order : (JsonElement?)null;
        }, $"order {number} ({orderId}) to be {string.Join(" or ", statuses)}");

    /// <summary>A shipment whose label the carrier was too busy to book at once gets it from Shipping's retries.</summary>
    private async Task<JsonElement> LabelledAsync(string shipmentId) =>
        await PollAsync(async () =>
        {
            using var response = await Resilient.SendAsync(ops, () => new HttpRequestMessage(HttpMethod.Get, $"/api/shipping/shipments/{shipmentId}"), Patience);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var shipment = await response.Content.ReadFromJsonAsync<JsonElement>();
            return shipment.GetProperty("trackingNumber").ValueKind == JsonValueKind.String ? shipment : (JsonElement?)null;
        }, $"shipment {shipmentId} to get its label");

    /// <summary>Asks once a second (hundreds of orders wait at once in a long run), or fails saying what never happened.</summary>
    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalMinutes:0} min for {what}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static HttpRequestMessage Post(string path, object? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
