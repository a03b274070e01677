using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Japan-import charges at order: what the warehouse cannot find is given back, to the cent [ALL-01].</summary>
[Collection(JapanImportCollection.Name)]
public sealed class JapanImportPaymentTests(JapanImportPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const long BowlCents = 4500, FuroshikiCents = 2400, HomeDeliveryCents = 1290;

    [Fact]
    public async Task A_line_found_missing_after_the_charge_is_refunded_exactly_and_the_customer_told_ALL_01()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Body(("BOL-RAKU", 1), ("FUROSHIKI-COTON", 1)));
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() == BowlCents + FuroshikiCents + HomeDeliveryCents,
            "the whole order charged at confirmation");

        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var furoshiki = Warehouse.LineOf(order, "FUROSHIKI-COTON");
        await Warehouse.ShipAsync(ops, orderId, [(Warehouse.LineOf(order, "BOL-RAKU"), 1)], furoshiki);

        var settled = await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("refundedCents").GetInt64() > 0, "the missing furoshiki refunded");
        Assert.Equal(FuroshikiCents, settled.GetProperty("refundedCents").GetInt64());
        Assert.Equal(BowlCents + HomeDeliveryCents, settled.GetProperty("capturedCents").GetInt64() - settled.GetProperty("refundedCents").GetInt64());
        Assert.Equal(FuroshikiCents, await PspRefundedAsync(orderId)); // the PSP's own ledger agrees
        await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "remboursement");
    }

    [Fact]
    public async Task An_order_with_every_line_missing_is_refunded_in_full_delivery_included_ALL_01()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Body(("BOL-RAKU", 1)));
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);

        await Warehouse.ShipAsync(ops, orderId, [], Warehouse.LineOf(order, "BOL-RAKU"));

        var settled = await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("refundedCents").GetInt64() > 0, "the order refunded");
        Assert.Equal(BowlCents + HomeDeliveryCents, settled.GetProperty("capturedCents").GetInt64());
        Assert.Equal(BowlCents + HomeDeliveryCents, settled.GetProperty("refundedCents").GetInt64());
        Assert.Equal(BowlCents + HomeDeliveryCents, await PspRefundedAsync(orderId));
    }

    [Fact]
    public async Task A_parcel_the_carrier_brings_back_is_sent_again_free_at_the_customers_request_ALL_07()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Body(("BOL-RAKU", 1)));
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var first = (await Warehouse.ShipAsync(ops, orderId, [(Warehouse.LineOf(order, "BOL-RAKU"), 1)])).GetProperty("shipment");
        var shipmentId = first.GetProperty("shipmentId").GetString();

        using var carriers = new HttpClient { BaseAddress = platform.Sandboxes };
        using var returned = await carriers.PostAsJsonAsync($"/carriers/la-poste/parcels/{first.GetProperty("trackingNumber").GetString()}/events",
            new { code = "RE1", at = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "returned-to-warehouse", Patience, "the order to show its parcel back at the warehouse");
        await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est revenu à notre entrepôt");

        // The customer called: ops send it again; the warehouse ships the replacement, which charges nothing more.
        using var reship = await ops.PostAsync($"/api/ops/orders/{orderId}/returned-parcels/{shipmentId}/reship", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, reship.StatusCode);
        var second = (await Warehouse.ShipReplacementAsync(ops, orderId, [(Warehouse.LineOf(order, "BOL-RAKU"), 1)])).GetProperty("shipment");
        await Warehouse.DeliverAsync(platform.Sandboxes, second, DateTimeOffset.UtcNow);

        var delivered = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "delivered" ? (object)current : null;
        }, Patience, "the replacement to be delivered");
        var parcels = delivered.GetProperty("shipments").EnumerateArray().ToList();
        Assert.Equal(new string?[] { "reshipped", null }, parcels.Select(parcel => parcel.GetProperty("settlement").GetString()));
        Assert.True(parcels[1].GetProperty("replacement").GetBoolean());
        var payment = await Warehouse.PaymentAsync(ops, orderId, _ => true, "the payment");
        Assert.Equal((BowlCents + HomeDeliveryCents, 0L), (payment.GetProperty("capturedCents").GetInt64(), payment.GetProperty("refundedCents").GetInt64()));
        var email = await Mailbox.EmailOfAsync(customer);
        await Eventually.TrueAsync(async () => (await Mailbox.MessagesAsync(platform.Sandboxes, email))
            .Count(mail => mail.GetProperty("subject").GetString()!.Contains("expédiée", StringComparison.Ordinal)) == 2, Patience,
            "a shipment e-mail for each parcel, the replacement's without waiting for an invoice");
    }

    public static object Body(params (string Sku, int Quantity)[] lines) => new
    {
        lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }).ToArray(),
        deliveryAddress = new { firstName = "Kenji", lastName = "Martin", line1 = "4 rue de Rivoli", postalCode = "75004", city = "Paris", country = "FR", phone = "06 12 34 56 78" },
        delivery = new { carrier = "la-poste", mode = "home" },
        payment = new { method = "card", token = Checkout.VisaToken },
    };

    private async Task<long> PspRefundedAsync(string orderId)
    {
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var payments = await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}");
        return payments.EnumerateArray().Sum(payment => payment.GetProperty("refundedCents").GetInt64());
    }
}
