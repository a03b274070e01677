using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>An order's whole life on the marketplace, through the gateway: charged at order, every euro accounted for at the end.</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceOrderTests(MarketplacePlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const long ApronCents = 3900, CandleCents = 2600;

    [Fact]
    public async Task Charged_at_order_a_missing_line_is_refunded_and_a_broken_item_comes_back_with_its_return_shipping_paid_MP_02_MP_10_ALL_01()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([("TABLIER-LIN", 1), ("BOUGIE-SOJA", 1)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        Assert.Equal((0L, ApronCents + CandleCents), (order.GetProperty("shippingFeeCents").GetInt64(), order.GetProperty("totalCents").GetInt64())); // [MP-02]
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() == ApronCents + CandleCents, "the charge at order");

        // The seller finds no candle: it is refunded; the apron leaves and arrives.
        await Warehouse.HandOffAsync(ops, orderId);
        var shipped = await Warehouse.ShipAsync(ops, orderId, [(Warehouse.LineOf(order, "TABLIER-LIN"), 1)], Warehouse.LineOf(order, "BOUGIE-SOJA"));
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("refundedCents").GetInt64() == CandleCents, "the missing candle refunded [ALL-01]");
        await Warehouse.DeliverAsync(platform.Sandboxes, shipped.GetProperty("shipment"), DateTimeOffset.UtcNow.AddDays(-20));
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "delivered", Patience, "the order to be delivered");

        // Twenty days on, the apron does not work: past 14 days, within the marketplace's 30, with its return shipping paid [MP-10].
        using var storeCredit = await customer.PostAsJsonAsync("/api/returns", new
        {
            orderId, lines = new[] { new { lineId = Warehouse.LineOf(order, "TABLIER-LIN"), quantity = 1, reason = "not-working" } }, refundMethod = "store-credit",
        });
        Assert.Equal(HttpStatusCode.BadRequest, storeCredit.StatusCode); // no store credit on the marketplace [FR-13]
        using var requested = await customer.PostAsJsonAsync("/api/returns", new
        {
            orderId, lines = new[] { new { lineId = Warehouse.LineOf(order, "TABLIER-LIN"), quantity = 1, reason = "not-working" } }, refundMethod = "original",
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var created = await requested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.GetProperty("returnShippingRefunded").GetBoolean());

        var returnId = created.GetProperty("returnId").GetString();
        using var received = await ops.PostAsJsonAsync($"/api/returns/{returnId}/reception", new
        {
            lines = new[] { new { lineId = Warehouse.LineOf(order, "TABLIER-LIN"), accepted = true } },
        });
        Assert.True(received.StatusCode == HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        Assert.Equal(ApronCents, (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundCents").GetInt64());

        var settled = await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("refundedCents").GetInt64() == ApronCents + CandleCents,
            "the apron refunded");
        Assert.Equal(settled.GetProperty("capturedCents").GetInt64(), settled.GetProperty("refundedCents").GetInt64());
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/returns/{returnId}")).GetProperty("status").GetString()
            == "refunded", Patience, "the return to close on the card's refund [FR-13]");
    }
}
