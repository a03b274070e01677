using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Japan-import lets customers change their order until it goes to logistics [JI-06].</summary>
[Collection(JapanImportCollection.Name)]
public sealed class JapanImportOrderTests(JapanImportPlatform platform)
{
    private const long FuroshikiCents = 2400, HomeDeliveryCents = 1290, PickupDeliveryCents = 1190;

    [Fact]
    public async Task Before_hand_off_the_customer_takes_an_item_out_and_picks_a_post_office_and_is_refunded_the_difference_JI_06()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, JapanImportPaymentTests.Body(("BOL-RAKU", 1), ("FUROSHIKI-COTON", 1)));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        var office = (await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/shipping/pickup-points?carrier=la-poste&postalCode=75004"))[0]
            .GetProperty("id").GetString();

        using var changed = await customer.PostAsJsonAsync($"/api/orders/{orderId}/modification", new
        {
            lines = new[] { new { lineId = Warehouse.LineOf(order, "FUROSHIKI-COTON"), quantity = 0 } },
            delivery = new { carrier = "la-poste", mode = "pickup-point", pickupPointId = office },
        });

        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var modified = await changed.Content.ReadFromJsonAsync<JsonElement>();
        var difference = FuroshikiCents + HomeDeliveryCents - PickupDeliveryCents;
        Assert.Equal(order.GetProperty("totalCents").GetInt64() - difference, modified.GetProperty("totalCents").GetInt64());
        Assert.Single(modified.GetProperty("modifications").EnumerateArray());
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("refundedCents").GetInt64() == difference, "the difference to go back to the card");
        await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est modifiée");

        // At hand-off the warehouse gets the order as changed; from then on it can no longer change.
        var shipped = await Warehouse.ShipAsync(ops, orderId, [(Warehouse.LineOf(order, "BOL-RAKU"), 1)]);
        Assert.Equal(office, (await customer.GetFromJsonAsync<JsonElement>($"/api/shipping/shipments/{shipped.GetProperty("shipment").GetProperty("shipmentId")
            .GetString()}")).GetProperty("pickupPointId").GetString());
        using var late = await customer.PostAsJsonAsync($"/api/orders/{orderId}/modification", new
        {
            lines = new[] { new { lineId = Warehouse.LineOf(order, "BOL-RAKU"), quantity = 0 } },
        });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }
}
