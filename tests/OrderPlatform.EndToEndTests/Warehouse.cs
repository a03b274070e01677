using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>What the warehouse does through the gateway: take a confirmed order now, ship lines, declare missing ones.</summary>
public static class Warehouse
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>The order's lines as the customer sees them, once it is confirmed.</summary>
    public static Task<JsonElement> ConfirmedAsync(HttpClient client, string orderId) =>
        InStatusAsync(client, orderId, "confirmed");

    /// <summary>The order once it has passed confirmation (it may already be with the warehouse).</summary>
    public static Task<JsonElement> ConfirmedOrLaterAsync(HttpClient client, string orderId) =>
        InStatusAsync(client, orderId, "confirmed", "preparing", "partially-shipped", "shipped");

    /// <summary>Waits for one of these statuses; a timeout names the status and lines the order was left in, which says why.</summary>
    private static async Task<JsonElement> InStatusAsync(HttpClient client, string orderId, params string[] statuses)
    {
        JsonElement last = default;
        try
        {
            return (JsonElement)await Eventually.GetAsync(async () =>
            {
                last = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
                return statuses.Contains(last.GetProperty("status").GetString()) ? (object)last : null;
            }, Patience, $"order {orderId} to be {statuses[0]}");
        }
        catch (TimeoutException timeout) when (last.ValueKind == JsonValueKind.Object)
        {
            var lines = string.Join(", ", last.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("status").GetString()));
            throw new TimeoutException($"{timeout.Message} It stayed {last.GetProperty("status").GetString()} (lines: {lines}).", timeout);
        }
    }

    /// <summary>Ops send the confirmed order to the warehouse now rather than at its hand-off time.</summary>
    public static async Task HandOffAsync(HttpClient ops, string orderId)
    {
        await ConfirmedAsync(ops, orderId);
        using var response = await ops.PostAsync($"/api/ops/orders/{orderId}/hand-off", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"hand-off: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Ships these lines (and declares those missing) once Shipping has the order; the warehouse's answer.</summary>
    public static Task<JsonElement> ShipAsync(HttpClient ops, string orderId, IEnumerable<(string LineId, int Quantity)> lines, params string[] unavailable) =>
        ShipAsync(ops, orderId, lines, unavailable, replacement: false);

    /// <summary>Ships a replacement once Shipping has been asked for it (the request travels as a message).</summary>
    public static Task<JsonElement> ShipReplacementAsync(HttpClient ops, string orderId, IEnumerable<(string LineId, int Quantity)> lines) =>
        ShipAsync(ops, orderId, lines, [], replacement: true);

    private static async Task<JsonElement> ShipAsync(HttpClient ops, string orderId, IEnumerable<(string LineId, int Quantity)> lines, string[] unavailable,
        bool replacement)
    {
        var body = new { lines = lines.Select(line => new { lineId = line.LineId, quantity = line.Quantity }).ToArray(), unavailable };
        return (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await ops.PostAsJsonAsync($"/api/shipping/orders/{orderId}/shipments", body);
            if (response.StatusCode == HttpStatusCode.Conflict && await response.Content.ReadAsStringAsync() is var conflict
                && (conflict.Contains("not with the warehouse", StringComparison.Ordinal)
                    || (replacement && conflict.Contains("left to ship", StringComparison.Ordinal))))
            {
                return null; // OrderHandedToLogistics, or the replacement's request, is still on its way to Shipping
            }

            Assert.True(response.IsSuccessStatusCode, $"ship: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (object)await response.Content.ReadFromJsonAsync<JsonElement>();
        }, Patience, $"order {orderId} to reach the warehouse");
    }

    /// <summary>The carrier tells Shipping the parcel was delivered at <paramref name="at"/> (backdated at will).</summary>
    public static async Task DeliverAsync(Uri sandboxes, JsonElement shipment, DateTimeOffset at)
    {
        using var carriers = new HttpClient { BaseAddress = sandboxes };
        using var moved = await carriers.PostAsJsonAsync($"/carriers/{shipment.GetProperty("carrier").GetString()}/parcels/"
            + $"{shipment.GetProperty("trackingNumber").GetString()}/events", new { code = shipment.GetProperty("carrier").GetString() == "la-poste" ? "DI1" : "delivered", at });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    /// <summary>An order placed, handed off, shipped whole and delivered at <paramref name="deliveredAt"/>; its lines as the customer sees them.</summary>
    public static async Task<(string OrderId, JsonElement Order)> DeliveredOrderAsync(HttpClient gateway, Uri sandboxes, HttpClient customer,
        IEnumerable<(string Sku, int Quantity)> lines, DateTimeOffset deliveredAt)
    {
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body(lines));
        await HandOffAsync(ops, orderId);
        var order = await ConfirmedOrLaterAsync(customer, orderId);
        var shipped = await ShipAsync(ops, orderId, AllLines(order));
        await DeliverAsync(sandboxes, shipped.GetProperty("shipment"), deliveredAt);
        var delivered = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() is "delivered" or "completed" ? (object)current : null;
        }, Patience, $"order {orderId} to be delivered");
        return (orderId, delivered);
    }

    /// <summary>
    /// Asks for a return as a storefront that has just shown "delivered" would: Returns hears of the delivery on its own queue, a
    /// moment after Ordering, so its "nothing delivered yet" is asked again; any other answer is the test's.
    /// </summary>
    public static async Task<HttpResponseMessage> RequestReturnAsync(HttpClient customer, object body) =>
        (HttpResponseMessage)await Eventually.GetAsync(async () =>
        {
            var response = await customer.PostAsJsonAsync("/api/returns", body);
            if (response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("delivered yet", StringComparison.Ordinal))
            {
                response.Dispose();
                return null;
            }

            return (object)response;
        }, Patience, "Returns to hear of the delivery");

    /// <summary>The id of the order's line for this SKU.</summary>
    public static string LineOf(JsonElement order, string sku) =>
        order.GetProperty("lines").EnumerateArray().Single(line => line.GetProperty("sku").GetString() == sku).GetProperty("lineId").GetString()!;

    /// <summary>The order's payment as ops see it, once it is as <paramref name="done"/> says.</summary>
    public static async Task<JsonElement> PaymentAsync(HttpClient ops, string orderId, Func<JsonElement, bool> done, string what) =>
        (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await ops.GetAsync($"/api/payments/orders/{orderId}");
            return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is var payment && done(payment) ? (object)payment : null;
        }, TimeSpan.FromSeconds(60), what);

    /// <summary>Every line of the order, whole.</summary>
    public static IEnumerable<(string LineId, int Quantity)> AllLines(JsonElement order) =>
        order.GetProperty("lines").EnumerateArray().Select(line => (line.GetProperty("lineId").GetString()!, line.GetProperty("quantity").GetInt32())).ToList();
}
