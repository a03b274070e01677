using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>The order's life, as given events / when something happens / then events.</summary>
public sealed class OrderProcessTests
{
    private static readonly OrderPolicy Fashion = Policy();
    private static readonly OrderPolicy Japan = Policy("japan-import");
    private static readonly StockReservedForLines BothReserved = new(["1", "2"], Now);
    private static readonly PaymentAuthorizationRecorded Authorized = new(22360, "card", Now);

    [Fact]
    public void Stock_reserved_and_payment_authorised_confirm_the_order_and_schedule_the_hand_off_FR_02()
    {
        var order = Given(BothReserved);

        var then = OrderProcess.OnPaymentAuthorized(order, 22360, "card", Now, Fashion);

        Assert.IsType<PaymentAuthorizationRecorded>(then[0]);
        var confirmed = Assert.IsType<OrderConfirmed>(then[1]);
        Assert.Equal(new OrderAmounts(21970, 390, 0, 22360), confirmed.Amounts);
        Assert.False(confirmed.AwaitingRestock);
        Assert.Equal(new HandOffScheduled(Now + Fashion.HandOffDelay, Now), then[2]);
        Assert.Equal(OrderStatus.Confirmed, order.After(then).Status);
    }

    [Fact]
    public void Payment_first_then_stock_confirms_too_and_telling_it_twice_decides_nothing_more()
    {
        var order = Given(Authorized);

        var then = OrderProcess.OnStockReserved(order, ["1", "2"], Now, Fashion);

        Assert.Contains(then, @event => @event is OrderConfirmed);
        Assert.Empty(OrderProcess.OnStockReserved(order.After(then), ["1", "2"], Now, Fashion));
        Assert.Empty(OrderProcess.OnPaymentAuthorized(order.After(then), 22360, "card", Now, Fashion));
    }

    [Fact]
    public void A_refused_payment_ends_the_order_with_its_decline_code_and_no_confirmation_FR_27_JI_03()
    {
        var order = Given(BothReserved);

        var then = OrderProcess.OnPaymentRefused(order, "insufficient-funds", Now);

        Assert.Equal([new PaymentRefusalRecorded("insufficient-funds", Now)], then);
        var refused = order.After(then);
        Assert.Equal(OrderStatus.PaymentRefused, refused.Status);
        Assert.Equal("insufficient-funds", refused.DeclineCode);
        Assert.Empty(OrderProcess.OnPaymentAuthorized(refused, 22360, "card", Now, Fashion));
    }

    [Fact]
    public void A_line_out_of_stock_is_unavailable_and_left_out_of_the_confirmed_amounts_FR_07()
    {
        var order = Given(Authorized, new StockReservedForLines(["1"], Now));

        var then = OrderProcess.OnStockUnavailable(order, ["2"], Now, Fashion);

        var confirmed = Assert.Single(then.OfType<OrderConfirmed>());
        Assert.Equal(["1"], confirmed.Lines.Select(line => line.LineId));
        Assert.Equal(5990 + 390, confirmed.Amounts.TotalCents);
        Assert.Equal(LineStatus.Unavailable, order.After(then).Line("2")!.Status);
    }

    [Fact]
    public void When_no_line_is_in_stock_the_order_is_cancelled_not_confirmed()
    {
        var then = OrderProcess.OnStockUnavailable(Given(Authorized), ["1", "2"], Now, Fashion);

        Assert.DoesNotContain(then, @event => @event is OrderConfirmed);
        Assert.Equal("out-of-stock", Assert.Single(then.OfType<OrderCancelled>()).Reason);
    }

    [Fact]
    public void Stock_running_out_after_validation_shows_awaiting_restock_then_goes_on_when_restocked_JI_09()
    {
        var order = Given(Authorized, new StockReservedForLines(["1"], Now));

        var backordered = order.After(OrderProcess.OnStockBackordered(order, ["2"], Now, Japan));
        Assert.Equal(OrderStatus.Backordered, backordered.Status);
        Assert.Null(backordered.HandOffDueAt);

        var restocked = OrderProcess.OnStockReserved(backordered, ["2"], Now.AddDays(3), Japan);
        Assert.Equal(new HandOffScheduled(Now.AddDays(3) + Japan.HandOffDelay, Now.AddDays(3)), restocked[^1]);
        Assert.Equal(OrderStatus.Confirmed, backordered.After(restocked).Status);
    }

    [Fact]
    public void The_order_goes_to_logistics_when_the_delay_has_passed_not_before_FR_09()
    {
        var confirmed = Given(BothReserved).After(OrderProcess.OnPaymentAuthorized(Given(BothReserved), 22360, "card", Now, Fashion));

        Assert.Empty(OrderProcess.HandOff(confirmed, Now + Fashion.HandOffDelay - TimeSpan.FromSeconds(1)));
        var then = OrderProcess.HandOff(confirmed, Now + Fashion.HandOffDelay);

        Assert.Equal(OrderStatus.Preparing, confirmed.After(then).Status);
        Assert.Equal(2, Assert.IsType<OrderHandedToLogistics>(Assert.Single(then)).Lines.Count);
    }

    [Fact]
    public void An_order_whose_payment_was_escalated_does_not_go_to_logistics_unpaid()
    {
        var confirmed = Given(BothReserved).After(OrderProcess.OnPaymentAuthorized(Given(BothReserved), 22360, "card", Now, Fashion));

        var escalated = confirmed.After(OrderProcess.OnPaymentEscalated(confirmed, "re-authorisation refused: do_not_honor", Now));

        Assert.Empty(OrderProcess.HandOff(escalated, Now + Fashion.HandOffDelay));
        Assert.Empty(OrderProcess.OnPaymentEscalated(escalated, "again", Now)); // told twice
        Assert.Equal("re-authorisation refused: do_not_honor", escalated.PaymentIssue);
    }

    [Fact]
    public void Ops_may_send_an_order_to_the_warehouse_early_unless_the_customer_may_still_cancel_it_JI_06()
    {
        var fashion = Given(BothReserved).After(OrderProcess.OnPaymentAuthorized(Given(BothReserved), 22360, "card", Now, Fashion));
        var japan = Given(BothReserved).After(OrderProcess.OnPaymentAuthorized(Given(BothReserved), 22360, "card", Now, Japan));

        var (early, none) = OrderProcess.HandOffNow(fashion, Now.AddMinutes(1), Fashion);
        var handedOff = Assert.IsType<OrderHandedToLogistics>(Assert.Single(early));
        Assert.Null(none);
        Assert.Equal((fashion.CustomerId, OrderStatus.Preparing), (handedOff.CustomerId, fashion.After(early).Status));
        Assert.Contains("may cancel until", OrderProcess.HandOffNow(japan, Now.AddMinutes(1), Japan).Refusal, StringComparison.Ordinal);
        Assert.Single(OrderProcess.HandOffNow(japan, Now + Japan.HandOffDelay, Japan).Events);
        Assert.NotNull(OrderProcess.HandOffNow(fashion.After(early), Now.AddMinutes(2), Fashion).Refusal); // already there
        var escalated = fashion.After(OrderProcess.OnPaymentEscalated(fashion, "re-authorisation refused", Now));
        Assert.Contains("nothing ships unpaid", OrderProcess.HandOffNow(escalated, Now.AddMinutes(1), Fashion).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_page_follows_each_parcel_at_its_carrier_and_older_news_changes_nothing_JI_11()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var shipmentId = Guid.NewGuid();
        var shipped = preparing.After(OrderProcess.OnShipped(preparing,
            new OrderShipped(OrderId, shipmentId, [new ShippedLine("2", "JEAN-SLIM-40", 1)], Now.AddDays(1), "mondial-relay", "12345678", "https://t")));
        var held = new ShipmentStatusChanged(OrderId, shipmentId, "available-for-pickup", Now.AddDays(3), Now.AddDays(18));

        var atRelay = shipped.After(OrderProcess.OnShipmentStatusChanged(shipped, held));

        Assert.Equal("label-created", Assert.Single(shipped.Shipments).Status);
        Assert.Equal(("available-for-pickup", Now.AddDays(18)), (Assert.Single(atRelay.Shipments).Status, atRelay.Shipments[0].HoldUntil));
        Assert.Empty(OrderProcess.OnShipmentStatusChanged(atRelay, held)); // told twice
        Assert.Empty(OrderProcess.OnShipmentStatusChanged(atRelay, held with { Status = "in-transit", At = Now.AddDays(2) })); // older news
    }

    [Fact]
    public void A_delivered_order_is_completed_once_its_return_window_closes_FR_15_MP_10()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var shipment = new OrderShipped(OrderId, Guid.NewGuid(), [new ShippedLine("1", "ROBE-ETE-38", 1), new ShippedLine("2", "JEAN-SLIM-40", 2)], Now.AddDays(1));
        var shipped = preparing.After(OrderProcess.OnShipped(preparing, shipment));
        var delivered = shipped.After(OrderProcess.OnDelivered(shipped, shipment.ShipmentId, Now.AddDays(3)));

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Empty(OrderProcess.Complete(delivered, Now.AddDays(17).AddMinutes(-1), Fashion));
        Assert.Equal(OrderStatus.Completed, delivered.After(OrderProcess.Complete(delivered, Now.AddDays(17), Fashion)).Status);
        Assert.Empty(OrderProcess.Complete(delivered, Now.AddDays(20), Policy("marketplace"))); // 30 days there
        Assert.Empty(OrderProcess.Complete(shipped, Now.AddDays(60), Fashion)); // never before delivery
    }

    [Fact]
    public void Fashion_retail_never_cancels_once_paid_FR_06()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));

        Assert.IsType<OrderCancelled>(Assert.Single(OrderProcess.Cancel(placed, Now, Fashion).Events));
        var (events, refusal) = OrderProcess.Cancel(confirmed, Now, Fashion);
        Assert.Empty(events);
        Assert.Contains("no longer", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Japan_import_cancels_until_the_hand_off_then_never_JI_06()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Japan));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now + Japan.HandOffDelay));

        var (events, _) = OrderProcess.Cancel(confirmed, Now, Japan);
        Assert.Equal(OrderStatus.Cancelled, confirmed.After(events).Status);
        Assert.All(confirmed.After(events).Lines, line => Assert.Equal(LineStatus.Cancelled, line.Status));
        Assert.NotNull(OrderProcess.Cancel(preparing, Now, Japan).Refusal);
    }

    [Fact]
    public void An_order_whose_every_line_is_found_missing_is_cancelled_and_ends_there_ALL_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));

        var first = preparing.After(OrderProcess.OnLinesFoundMissing(preparing, ["1"], Now.AddDays(1)));
        Assert.Equal(OrderStatus.Preparing, first.Status); // line 2 may still ship
        var decided = OrderProcess.OnLinesFoundMissing(first, ["2"], Now.AddDays(1));

        Assert.Equal(new OrderCancelled(OrderId, Now.AddDays(1), OrderCancelled.FoundMissing), decided[^1]);
        Assert.True(OrderStatus.IsTerminal(first.After(decided).Status));
        Assert.Empty(OrderProcess.OnLinesFoundMissing(first.After(decided), ["2"], Now.AddDays(1))); // told twice
    }

    [Fact]
    public void A_partly_shipped_order_whose_rest_is_found_missing_is_shipped_ALL_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var partly = preparing.After(OrderProcess.OnShipped(preparing,
            new OrderShipped(OrderId, Guid.NewGuid(), [new ShippedLine("2", "JEAN-SLIM-40", 2)], Now.AddDays(1), "la-poste", "6A123", "https://t")));
        Assert.Equal(OrderStatus.PartiallyShipped, partly.Status);

        var rest = partly.After(OrderProcess.OnLinesFoundMissing(partly, ["1"], Now.AddDays(1)));

        Assert.Equal(OrderStatus.Shipped, rest.Status);
    }

    [Fact]
    public void A_first_parcel_delivered_then_the_rest_found_missing_makes_the_order_delivered_ALL_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var parcel = new OrderShipped(OrderId, Guid.NewGuid(), [new ShippedLine("2", "JEAN-SLIM-40", 2)], Now.AddDays(1), "la-poste", "6A123", "https://t");
        var partly = preparing.After(OrderProcess.OnShipped(preparing, parcel));
        var arrived = partly.After(OrderProcess.OnDelivered(partly, parcel.ShipmentId, Now.AddDays(3)));
        Assert.Equal(OrderStatus.PartiallyShipped, arrived.Status);

        var rest = arrived.After(OrderProcess.OnLinesFoundMissing(arrived, ["1"], Now.AddDays(4)));

        Assert.Equal(OrderStatus.Delivered, rest.Status);
    }

    [Fact]
    public void The_rest_of_a_line_partly_shipped_found_missing_leaves_the_line_shipped_as_far_as_it_went_and_the_order_shipped_FR_07_ALL_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var parcel = new OrderShipped(OrderId, Guid.NewGuid(), [new ShippedLine("1", "ROBE-38", 1), new ShippedLine("2", "JEAN-SLIM-40", 1)], Now.AddDays(1),
            "la-poste", "6A123", "https://t");
        var partly = preparing.After(OrderProcess.OnShipped(preparing, parcel));

        var rest = partly.After(OrderProcess.OnLinesFoundMissing(partly, ["2"], Now.AddDays(2)));

        Assert.Equal(OrderStatus.Shipped, rest.Status);
        Assert.Equal((LineStatus.Shipped, 1), (rest.Line("2")!.Status, rest.Line("2")!.ShippedQuantity));
        Assert.Empty(OrderProcess.OnLinesFoundMissing(rest, ["2"], Now.AddDays(2))); // told twice
    }

    [Fact]
    public void An_escalated_payment_holds_the_order_until_it_is_settled_or_operations_cancel_the_order_before_anything_ships_ALL_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var held = confirmed.After(OrderProcess.OnPaymentEscalated(confirmed, "re-authorisation refused", Now.AddDays(6)));

        Assert.NotNull(OrderProcess.CancelByOperations(confirmed, Now).Refusal); // its payment needs nothing
        Assert.Empty(OrderProcess.HandOff(held, Now.AddDays(7))); // nothing goes to logistics unpaid
        var settled = held.After(OrderProcess.OnPaymentEscalationResolved(held, PaymentEscalationResolved.PaidAgain, Now.AddDays(7)));
        Assert.Null(settled.PaymentIssue);
        Assert.Empty(OrderProcess.OnPaymentEscalationResolved(settled, PaymentEscalationResolved.PaidAgain, Now.AddDays(7))); // told twice
        Assert.NotEmpty(OrderProcess.HandOff(settled, Now.AddDays(7)));

        var (events, refusal) = OrderProcess.CancelByOperations(held, Now.AddDays(7));
        Assert.Null(refusal);
        Assert.Equal(OrderCancelled.ByOperations, Assert.IsType<OrderCancelled>(Assert.Single(events)).Reason);
        Assert.Equal(OrderStatus.Cancelled, held.After(events).Status);
        Assert.NotNull(OrderProcess.CancelByOperations(held.After(events), Now.AddDays(8)).Refusal); // once
    }

    [Fact]
    public void Shipments_make_the_order_partially_shipped_then_shipped_and_missing_lines_are_never_shipped_FR_07()
    {
        var placed = Given(BothReserved);
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var shipment = new OrderShipped(OrderId, Guid.NewGuid(), [new ShippedLine("2", "JEAN-SLIM-40", 1)], Now.AddDays(1), "la-poste", "6A123", "https://t");

        var partly = preparing.After(OrderProcess.OnShipped(preparing, shipment));
        Assert.Equal(OrderStatus.PartiallyShipped, partly.Status);
        Assert.Empty(OrderProcess.OnShipped(partly, shipment)); // the same shipment told twice

        var missing = partly.After(OrderProcess.OnLinesFoundMissing(partly, ["1"], Now.AddDays(1)));
        var rest = shipment with { ShipmentId = Guid.NewGuid() };
        var shipped = missing.After(OrderProcess.OnShipped(missing, rest));

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal(LineStatus.Unavailable, shipped.Line("1")!.Status);
        Assert.Equal(2, shipped.Shipments.Count);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.PartiallyShipped, OrderStatus.Shipped],
            shipped.StatusHistory.Select(change => change.Status)); // the history the customer sees [JI-08]

        var oneArrived = shipped.After(OrderProcess.OnDelivered(shipped, shipment.ShipmentId, Now.AddDays(3)));
        Assert.Equal(OrderStatus.Shipped, oneArrived.Status);
        Assert.Empty(OrderProcess.OnDelivered(oneArrived, shipment.ShipmentId, Now.AddDays(4))); // told twice
        var delivered = oneArrived.After(OrderProcess.OnDelivered(oneArrived, rest.ShipmentId, Now.AddDays(4)));
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal(Now.AddDays(4), delivered.StatusSince);
    }
}
