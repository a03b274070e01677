using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Shipping through the gateway, with the sandbox carriers speaking Mondial Relay's and La Poste's own formats.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ShippingTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task Two_lines_shipped_and_the_third_missing_capture_exactly_the_two_plus_shipping_with_a_tracking_link_FR_26_FR_07_FR_03_JI_11()
    {
        var skus = await Catalogue.StockedSkusAsync(gateway, 3, units: 2, "Homme");
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(skus[0], 1), (skus[1], 2), (skus[2], 1)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        var lines = order.GetProperty("lines").EnumerateArray().ToList();
        await Warehouse.HandOffAsync(ops, orderId);

        var shipped = await Warehouse.ShipAsync(ops, orderId, [(Id(lines[0]), 1), (Id(lines[1]), 2)], Id(lines[2]));

        var shipment = shipped.GetProperty("shipment");
        Assert.Equal("label-created", shipment.GetProperty("status").GetString());
        Assert.Equal([Id(lines[2])], shipped.GetProperty("missingLines").EnumerateArray().Select(id => id.GetString()));
        var trackingNumber = shipment.GetProperty("trackingNumber").GetString()!;
        Assert.Matches("^[0-9]{8}$", trackingNumber); // Mondial Relay's ExpeditionNum
        var expected = lines.Take(2).Sum(line => line.GetProperty("unitPriceCents").GetInt64() * line.GetProperty("quantity").GetInt32()
                                                 - line.GetProperty("discountCents").GetInt64()) + order.GetProperty("shippingFeeCents").GetInt64();
        var settled = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "shipped" && current.GetProperty("capturedCents").GetInt64() > 0 ? (object)current : null;
        }, Patience, "the order to be shipped and charged");
        Assert.Equal(expected, settled.GetProperty("capturedCents").GetInt64());
        Assert.Equal("unavailable", settled.GetProperty("lines")[2].GetProperty("status").GetString());
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var ledger = (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0];
        Assert.Equal(expected, ledger.GetProperty("capturedCents").GetInt64()); // the PSP agrees, to the cent

        // What the shipment e-mail carries, and "track my parcel" on the order page [FR-03, JI-11].
        var onOrder = Assert.Single(settled.GetProperty("shipments").EnumerateArray());
        Assert.Equal(trackingNumber, onOrder.GetProperty("trackingNumber").GetString());
        Assert.Equal($"https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={trackingNumber}&codePostal=75002", onOrder.GetProperty("trackingUrl").GetString());
        var tracked = await customer.GetFromJsonAsync<JsonElement>($"/api/shipping/shipments/{shipment.GetProperty("shipmentId").GetString()}");
        Assert.Equal(onOrder.GetProperty("trackingUrl").GetString(), tracked.GetProperty("trackingUrl").GetString());
        Assert.Single((await customer.GetFromJsonAsync<JsonElement>($"/api/shipping/orders/{orderId}/shipments")).EnumerateArray());
    }

    [Fact]
    public async Task The_rest_of_a_line_partly_shipped_found_missing_ends_the_order_charged_for_what_shipped_and_delivered_when_its_parcel_arrives_FR_07_ALL_07()
    {
        var skus = await Catalogue.StockedSkusAsync(gateway, 1, units: 2, "Homme");
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(skus[0], 2)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        var line = order.GetProperty("lines")[0];
        await Warehouse.HandOffAsync(ops, orderId);
        var parcel = (await Warehouse.ShipAsync(ops, orderId, [(Id(line), 1)])).GetProperty("shipment");
        await Warehouse.DeliverAsync(platform.Sandboxes, parcel, DateTimeOffset.UtcNow.AddHours(-1));
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("shipments")
            .EnumerateArray().Any(shipment => shipment.GetProperty("deliveredAt").ValueKind == JsonValueKind.String), Patience, "the first parcel delivered");

        // The second unit is nowhere in the warehouse: the rest of the line is declared missing.
        await Warehouse.ShipAsync(ops, orderId, [], Id(line));

        var ended = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "delivered" ? (object)current : null;
        }, Patience, "the order to be delivered once nothing is left to ship");
        var oneUnit = line.GetProperty("unitPriceCents").GetInt64() - line.GetProperty("discountCents").GetInt64() / 2;
        Assert.Equal(1, ended.GetProperty("lines")[0].GetProperty("shippedQuantity").GetInt32());
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var ledger = (JsonElement)await Eventually.GetAsync(async () =>
            (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0] is var payment
            && payment.GetProperty("status").GetString() is "captured" or "partially-captured" && payment.GetProperty("capturedCents").GetInt64() > 0
                ? (object)payment : null, Patience, "the charge for what shipped");
        Assert.Equal(oneUnit + order.GetProperty("shippingFeeCents").GetInt64(), ledger.GetProperty("capturedCents").GetInt64()); // the missing unit never charged
    }

    [Fact]
    public async Task An_order_none_of_whose_lines_the_warehouse_finds_is_cancelled_its_money_released_and_the_customer_told_ALL_07()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        await Warehouse.HandOffAsync(ops, orderId);

        await Warehouse.ShipAsync(ops, orderId, [], Id(order.GetProperty("lines")[0]));

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString() == "cancelled",
            Patience, "the order to end as cancelled");
        var payment = (JsonElement)await Eventually.GetAsync(async () =>
            await ops.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}") is var current && current.GetProperty("status").GetString() == "closed"
                ? (object)current : null, Patience, "the authorisation to be released");
        Assert.Equal(0, payment.GetProperty("capturedCents").GetInt64());
        Assert.Equal(payment.GetProperty("authorizedCents").GetInt64(), payment.GetProperty("voidedCents").GetInt64());
        var mail = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est annulée");
        Assert.Contains("aucun des articles", mail.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parcel_at_the_relay_is_announced_with_its_15_days_and_back_at_the_warehouse_is_refunded_FR_10_ALL_07()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        await Warehouse.HandOffAsync(ops, orderId);
        var shipment = (await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(await Warehouse.ConfirmedOrLaterAsync(customer, orderId)))).GetProperty("shipment");
        var shipmentId = shipment.GetProperty("shipmentId").GetString();
        var tracking = shipment.GetProperty("trackingNumber").GetString();
        using var carriers = new HttpClient { BaseAddress = platform.Sandboxes };
        var email = await Mailbox.EmailOfAsync(customer);

        // A scan dated days ahead cannot be true: set aside, it moves nothing.
        using (var impossible = await carriers.PostAsJsonAsync($"/carriers/mondial-relay/parcels/{tracking}/events",
                   new { code = "delivered", at = DateTimeOffset.UtcNow.AddDays(3) }))
        {
            Assert.Equal(HttpStatusCode.OK, impossible.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/shipping/shipments/{shipmentId}"))
            .GetProperty("doubtedEvents").GetArrayLength() == 1, Patience, "the impossible scan to be set aside");

        // At the relay now: the customer has 15 days.
        var availableAt = DateTimeOffset.UtcNow;
        using (var atRelay = await carriers.PostAsJsonAsync($"/carriers/mondial-relay/parcels/{tracking}/events", new { code = "at-relay", at = availableAt }))
        {
            Assert.Equal(HttpStatusCode.OK, atRelay.StatusCode);
        }

        var available = await Mailbox.WaitAsync(platform.Sandboxes, email, "votre colis vous attend");
        Assert.Contains("pour le retirer", available.GetProperty("text").GetString()!, StringComparison.Ordinal);

        // Nobody came: the relay gives it back to the carrier, which brings it home.
        using (var back = await carriers.PostAsJsonAsync($"/carriers/mondial-relay/parcels/{tracking}/events", new { code = "returned", at = DateTimeOffset.UtcNow }))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var returned = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/shipping/shipments/{shipmentId}");
            return current.GetProperty("status").GetString() == "returned-to-warehouse" ? (object)current : null;
        }, Patience, "the parcel to go back to the warehouse");
        Assert.Equal(availableAt.AddDays(15).ToUnixTimeSeconds() / 60, returned.GetProperty("holdUntil").GetDateTimeOffset().ToUnixTimeSeconds() / 60);
        Assert.Equal("delivered", returned.GetProperty("doubtedEvents")[0].GetProperty("status").GetString());

        // The order shows it and waits; the customer hears how to have it sent again; reception shelves its units.
        var waiting = await OrderInStatusAsync(customer, orderId, "returned-to-warehouse");
        Assert.True(waiting.GetProperty("shipments")[0].GetProperty("settleBy").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var told = await Mailbox.WaitAsync(platform.Sandboxes, email, "est revenu à notre entrepôt");
        Assert.Contains("sans frais", told.GetProperty("text").GetString()!, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await ops.GetFromJsonAsync<JsonElement>($"/api/catalog/orders/{orderId}/stock"))
            .GetProperty("parcels").EnumerateArray().Any(parcel => parcel.GetString() == shipmentId), Patience, "reception to shelve the parcel's units");

        // Nobody asked for it again: ops refund it, items and delivery, since nothing reached the customer [ALL-07].
        using var refund = await ops.PostAsync($"/api/ops/orders/{orderId}/returned-parcels/{shipmentId}/refund", null);
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        var refunded = await OrderInStatusAsync(customer, orderId, "refunded");
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("refundedCents").GetInt64()
            == refunded.GetProperty("totalCents").GetInt64(), Patience, "the whole order to be refunded");
        await Mailbox.WaitAsync(platform.Sandboxes, email, "remboursement");
        using var again = await ops.PostAsync($"/api/ops/orders/{orderId}/returned-parcels/{shipmentId}/reship", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private static async Task<JsonElement> OrderInStatusAsync(HttpClient customer, string orderId, string status) =>
        (JsonElement)await Eventually.GetAsync(async () =>
        {
            var order = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return order.GetProperty("status").GetString() == status ? (object)order : null;
        }, Patience, $"order {orderId} to be {status}");

    [Fact]
    public async Task Pickup_points_come_from_the_carrier_and_a_bad_query_is_a_field_error()
    {
        var relays = await gateway.GetFromJsonAsync<JsonElement>("/api/shipping/pickup-points?carrier=mondial-relay&postalCode=75002&country=FR");
        var offices = await gateway.GetFromJsonAsync<JsonElement>("/api/shipping/pickup-points?carrier=la-poste&postalCode=69002");
        using var bad = await gateway.GetAsync("/api/shipping/pickup-points?carrier=ups&postalCode=75");

        Assert.True(relays.GetArrayLength() >= 1);
        Assert.All(relays.EnumerateArray(), point => Assert.Matches("^[0-9]{6}$", point.GetProperty("id").GetString()));
        Assert.Contains(offices.EnumerateArray(), point => point.GetProperty("kind").GetString() == "BPR");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("carrier", out _) && errors.TryGetProperty("postalCode", out _));
    }

    [Fact]
    public async Task Only_the_warehouse_ships_and_an_order_not_yet_handed_off_cannot_ship()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        var body = new { lines = new[] { new { lineId = Id(order.GetProperty("lines")[0]), quantity = 1 } } };

        using var asCustomer = await customer.PostAsJsonAsync($"/api/shipping/orders/{orderId}/shipments", body);
        using var tooEarly = await ops.PostAsJsonAsync($"/api/shipping/orders/{orderId}/shipments", body);

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode); // confirmed, but not yet with the warehouse
        Assert.Equal("application/problem+json", tooEarly.Content.Headers.ContentType?.MediaType);
    }

    private static string Id(JsonElement line) => line.GetProperty("lineId").GetString()!;
}
