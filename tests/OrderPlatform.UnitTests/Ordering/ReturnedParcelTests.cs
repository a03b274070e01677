using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>A parcel back at the warehouse: the order waits, then the parcel is sent again or refunded [ALL-07, FR-10, FR-11].</summary>
public sealed class ReturnedParcelTests
{
    private static readonly OrderPolicy Fashion = Policy();
    private static readonly Guid First = Guid.Parse("01a2060d-0000-7000-8000-00000000000a");
    private static readonly Guid Second = Guid.Parse("01a2060d-0000-7000-8000-00000000000b");

    // Given: a dress (59.90) and two jeans (2 × 79.90) paid with a 4.90 relay fee, handed to the warehouse.
    private static Order Preparing()
    {
        var placed = Given(new StockReservedForLines(["1", "2"], Now));
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        return confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
    }

    private static Order Shipped(Order order, Guid shipmentId, params ShippedLine[] lines) =>
        order.After(OrderProcess.OnShipped(order, new OrderShipped(OrderId, shipmentId, lines, Now.AddDays(1), "mondial-relay", "123", "https://t")));

    private static Order CameBack(Order order, Guid shipmentId) =>
        order.After(OrderProcess.OnParcelReturned(order, shipmentId, ParcelReturnedToWarehouse.Uncollected, Now.AddDays(20), Now.AddDays(20), Fashion)!);

    private static Order WholeOrderBack() =>
        CameBack(Shipped(Preparing(), First, new("1", "ROBE-ETE-38", 1), new("2", "JEAN-SLIM-40", 2)), First);

    [Fact]
    public void A_parcel_back_at_the_warehouse_shows_on_the_order_and_waits_for_its_settle_by_date_once_ALL_07()
    {
        var order = WholeOrderBack();

        Assert.Equal(OrderStatus.ReturnedToWarehouse, order.Status);
        var parcel = Assert.Single(order.Shipments);
        Assert.Equal((Now.AddDays(20), Now.AddDays(20) + Fashion.ReturnedParcelHold), (parcel.ReturnedAt, parcel.SettleBy));
        Assert.Empty(OrderProcess.OnParcelReturned(order, First, ParcelReturnedToWarehouse.Uncollected, Now.AddDays(20), Now.AddDays(21), Fashion)!);
        Assert.Empty(OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(26)));
    }

    [Fact]
    public void A_parcel_the_carrier_lost_waits_as_parcel_lost_and_is_refunded_by_its_date_or_sent_again_ALL_07()
    {
        var shipped = Shipped(Preparing(), First, new("1", "ROBE-ETE-38", 1), new("2", "JEAN-SLIM-40", 2));
        var lost = shipped.After(OrderProcess.OnParcelReturned(shipped, First, OrderStatus.LostReason, Now.AddDays(30), Now.AddDays(30), Fashion)!);

        Assert.Equal(OrderStatus.ParcelLost, lost.Status);
        Assert.False(OrderStatus.IsTerminal(lost.Status));
        var refunded = lost.After(OrderProcess.RefundUnclaimedParcels(lost, Now.AddDays(30) + Fashion.ReturnedParcelHold));
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        var (again, refusal) = OrderProcess.SettleReturnedParcel(lost, First, ReturnedParcelSettled.Reshipped, "ops", Now.AddDays(31));
        Assert.Null(refusal);
        Assert.Equal(OrderStatus.Preparing, lost.After(again).Status);
    }

    [Fact]
    public void A_return_told_before_the_shipment_it_names_decides_nothing_yet_so_it_is_retried()
    {
        Assert.Null(OrderProcess.OnParcelReturned(Preparing(), First, ParcelReturnedToWarehouse.Uncollected, Now, Now, Fashion));
    }

    [Fact]
    public void Nobody_asks_for_the_parcel_again_by_its_date_so_the_items_and_the_fee_are_refunded_to_the_card_ALL_07()
    {
        var order = WholeOrderBack();

        var events = OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(27));

        var refund = Assert.Single(events.OfType<RefundRequested>());
        Assert.Equal(5990 + (2 * 7990) + order.Amounts.ShippingFeeCents, refund.AmountCents);
        Assert.Equal((RefundRequested.Original, $"parcel-returned:{First:N}"), (refund.Destination, refund.RefundId));
        Assert.Equal(OrderStatus.Refunded, order.After(events).Status);
        Assert.True(OrderStatus.IsTerminal(OrderStatus.Refunded));
        Assert.Empty(OrderProcess.RefundUnclaimedParcels(order.After(events), Now.AddDays(40)));
    }

    [Fact]
    public void When_another_parcel_reached_the_customer_only_the_returned_items_are_refunded_and_the_order_is_delivered()
    {
        var both = Shipped(Shipped(Preparing(), First, new ShippedLine("1", "ROBE-ETE-38", 1)), Second, new ShippedLine("2", "JEAN-SLIM-40", 2));
        var delivered = both.After(OrderProcess.OnDelivered(both, Second, Now.AddDays(3)));
        var order = CameBack(delivered, First);
        Assert.Equal(OrderStatus.ReturnedToWarehouse, order.Status);

        var (events, refusal) = OrderProcess.SettleReturnedParcel(order, First, ReturnedParcelSettled.Refunded, "ops", Now.AddDays(21));

        Assert.Null(refusal);
        Assert.Equal(5990, Assert.Single(events.OfType<RefundRequested>()).AmountCents);
        Assert.Equal(OrderStatus.Delivered, order.After(events).Status);
    }

    [Fact]
    public void Sent_again_at_the_customers_request_the_parcel_ships_free_and_the_order_ends_delivered_ALL_07()
    {
        var order = WholeOrderBack();

        var (events, refusal) = OrderProcess.SettleReturnedParcel(order, First, ReturnedParcelSettled.Reshipped, "ops", Now.AddDays(21));

        Assert.Null(refusal);
        Assert.Empty(events.OfType<RefundRequested>());
        var again = Assert.Single(events.OfType<ReplacementShipmentRequested>());
        Assert.Equal([new ShippedLine("1", "ROBE-ETE-38", 1), new ShippedLine("2", "JEAN-SLIM-40", 2)], again.Lines);
        var waiting = order.After(events);
        Assert.Equal(OrderStatus.Preparing, waiting.Status);
        Assert.Empty(OrderProcess.RefundUnclaimedParcels(waiting, Now.AddDays(60)));
        Assert.NotNull(OrderProcess.SettleReturnedParcel(waiting, First, ReturnedParcelSettled.Refunded, "ops", Now.AddDays(22)).Refusal);

        var resent = waiting.After(OrderProcess.OnShipped(waiting, new OrderShipped(OrderId, Second, again.Lines, Now.AddDays(22), Replacement: true)));
        Assert.Equal(OrderStatus.Shipped, resent.Status);
        Assert.Equal([1, 2], resent.Lines.Select(line => line.ShippedQuantity)); // counted with the first parcel, not twice
        Assert.Equal(OrderStatus.Delivered, resent.After(OrderProcess.OnDelivered(resent, Second, Now.AddDays(24))).Status);
    }

    [Fact]
    public void Ops_cannot_settle_a_parcel_that_did_not_come_back_or_one_the_order_does_not_have()
    {
        var shipped = Shipped(Preparing(), First, new("1", "ROBE-ETE-38", 1), new("2", "JEAN-SLIM-40", 2));

        Assert.NotNull(OrderProcess.SettleReturnedParcel(shipped, First, ReturnedParcelSettled.Refunded, "ops", Now).Refusal);
        Assert.NotNull(OrderProcess.SettleReturnedParcel(WholeOrderBack(), Second, ReturnedParcelSettled.Reshipped, "ops", Now).Refusal);
    }
}
