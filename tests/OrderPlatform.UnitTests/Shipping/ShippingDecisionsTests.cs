extern alias shipping;

using OrderPlatform.Contracts;
using shipping::OrderPlatform.Shipping.Domain;

namespace OrderPlatform.UnitTests.Shipping;

/// <summary>The warehouse's and carriers' decisions, given a state and what happened, without I/O.</summary>
public sealed class ShippingDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ShipmentId = Guid.NewGuid();
    private static readonly PostalAddress Camille = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "0612345678");

    private static OrderToShip Order(string mode = "relay-point", params OrderedLine[] lines) => OrderToShip.Create(new OrderReceivedForShipping(
        Guid.NewGuid(), "CMD-1", Guid.NewGuid(),
        lines.Length > 0 ? lines : [new("1", "ROBE-38", 1, 4990), new("2", "JEAN-40", 2, 5990), new("3", "PULL-M", 1, 3990)],
        new OrderDelivery(mode == "home" ? "la-poste" : "mondial-relay", mode, mode == "home" ? null : "020340"), Camille, Now.AddHours(-1), null));

    private static ShipDecision Ship(OrderToShip order, IReadOnlyList<ShipRequestLine> lines, IReadOnlyList<string>? unavailable = null, bool marketplace = false) =>
        ShippingDecisions.Ship(order, lines, unavailable ?? [], ShipmentId, Now, marketplace);

    /// <summary>A parcel that left a month ago, so that what the tests' carriers report is dated after it left.</summary>
    private static Shipment Booked(string mode = "relay-point")
    {
        var order = Order(mode);
        var shipment = Shipment.Create(ShippingDecisions.Ship(order, [new("1", 1)], [], ShipmentId, Now.AddDays(-30), false).Shipment!);
        return ShippingDecisions.OnLabelBooked(shipment, "12345678", "https://track/12345678", null, null, Now.AddDays(-30))
            .Aggregate(shipment, (state, @event) => state.Next(@event));
    }

    private static TrackingEventRecorded Event(string status, DateTimeOffset at, string? code = null, string? relay = null) =>
        new(status, at, code, status, relay, null);

    private static (Shipment After, IReadOnlyList<object> Events) Track(Shipment shipment, params TrackingEventRecorded[] reported)
    {
        var events = ShippingDecisions.OnTracking(shipment, reported, Now.AddDays(20));
        return (events.Aggregate(shipment, (state, @event) => state.Next(@event)), events);
    }

    [Fact]
    public void Shipping_two_lines_and_declaring_the_third_missing_makes_one_shipment_and_announces_the_missing_line_FR_07()
    {
        var order = Order();

        var decision = Ship(order, [new("1", 1), new("2", 2)], ["3"]);

        Assert.Equal(["1", "2"], decision.Shipment!.Lines.Select(line => line.LineId));
        var missing = Assert.Single(decision.OrderEvents.OfType<LinesFoundMissing>());
        Assert.Equal("3", Assert.Single(missing.Lines).LineId);
        Assert.True(decision.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event)).Complete);
    }

    [Fact]
    public void A_label_booked_ships_exactly_the_parcels_lines_with_carrier_and_tracking_link_FR_26_FR_03()
    {
        var order = Order();
        var shipment = Shipment.Create(Ship(order, [new("2", 1)]).Shipment!);

        var events = ShippingDecisions.OnLabelBooked(shipment, "12345678", "https://www.mondialrelay.fr/suivi/12345678", null, null, Now);

        var shipped = Assert.Single(events.OfType<OrderShipped>());
        Assert.Equal((order.Id, ShipmentId, "mondial-relay", "12345678"), (shipped.OrderId, shipped.ShipmentId, shipped.Carrier, shipped.TrackingNumber));
        Assert.Equal("https://www.mondialrelay.fr/suivi/12345678", shipped.TrackingUrl);
        Assert.Equal([new ShippedLine("2", "JEAN-40", 1)], shipped.Lines);
        var booked = events.Aggregate(shipment, (state, @event) => state.Next(@event));
        Assert.Equal("label-created", booked.Status);
        Assert.Empty(ShippingDecisions.OnLabelBooked(booked, "99999999", "x", null, null, Now)); // told twice, ships once
    }

    [Fact]
    public void Never_more_than_is_left_of_a_line_and_the_rest_of_a_line_partly_shipped_declared_missing_not_a_line_shipped_in_full_FR_07_ALL_07()
    {
        var first = Order();
        var afterOne = Ship(first, [new("2", 1)]).OrderEvents.Aggregate(first, (state, @event) => state.Next(@event));

        Assert.NotNull(Ship(afterOne, [new("2", 2)]).Conflict);
        Assert.NotNull(Ship(afterOne, [new("2", 1)]).Shipment);

        var rest = Ship(afterOne, [], ["2"]);
        Assert.Null(rest.Conflict);
        Assert.Equal([new ShippedLine("2", "JEAN-40", 1)], Assert.IsType<LinesFoundMissing>(Assert.Single(rest.OrderEvents)).Lines); // the one unit left
        var ended = rest.OrderEvents.Aggregate(afterOne, (state, @event) => state.Next(@event));
        Assert.Equal(0, ended.LeftToShip(ended.Lines[1]));
        Assert.NotNull(Ship(ended, [new("2", 1)]).Conflict); // the missing unit never ships

        var allShipped = Ship(first, [new("1", 1)]).OrderEvents.Aggregate(first, (state, @event) => state.Next(@event));
        Assert.NotNull(Ship(allShipped, [], ["1"]).Conflict); // shipped in full: nothing of it is missing
    }

    [Fact]
    public void A_missing_line_declared_twice_is_announced_once()
    {
        var order = Order();
        var once = Ship(order, [], ["3"]).OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));

        var again = Ship(once, [], ["3"]);

        Assert.Null(again.Conflict);
        Assert.Empty(again.OrderEvents);
        Assert.NotNull(Ship(once, [new("3", 1)]).Conflict); // and it never ships
    }

    [Fact]
    public void Unknown_lines_nothing_to_do_or_zero_quantities_are_field_errors()
    {
        var order = Order();

        Assert.Contains("lines[0].lineId", Ship(order, [new("9", 1)]).Invalid!.Keys);
        Assert.Contains("lines[0].quantity", Ship(order, [new("1", 0)]).Invalid!.Keys);
        Assert.Contains("lines", Ship(order, []).Invalid!.Keys);
        Assert.Contains("unavailable[0]", Ship(order, [new("1", 1)], ["1"]).Invalid!.Keys);
        Assert.Contains("lines", Ship(order, [new("1", 1), new("1", 1)]).Invalid!.Keys);
    }

    [Fact]
    public void Nothing_ships_while_payment_holds_the_order()
    {
        var order = Order().Next(new PaymentHoldRecorded("authorization-renewal-refused", Now));

        Assert.Contains("Payment holds", Ship(order, [new("1", 1)]).Conflict);
    }

    [Fact]
    public void A_held_order_ships_nothing_but_its_rest_may_be_declared_missing_lifted_it_ships_cancelled_it_never_does_ALL_07()
    {
        var held = Order().Next(new PaymentHoldRecorded("re-authorisation refused", Now));

        Assert.NotNull(Ship(held, [new("1", 1)]).Conflict);
        Assert.Null(Ship(held, [], ["3"]).Conflict);
        Assert.NotNull(Ship(held.Next(new PaymentHoldLifted(PaymentEscalationResolved.PaidAgain, Now)), [new("1", 1)]).Shipment);
        var cancelled = held.Next(new OrderCancelledForShipping(Now));
        Assert.NotNull(Ship(cancelled, [new("1", 1)]).Conflict);
        Assert.True(cancelled.Complete); // nothing left for the warehouse: off its lists
    }

    [Fact]
    public void On_the_marketplace_each_seller_ships_their_own_parcel_MP_08()
    {
        var order = Order("relay-point", new OrderedLine("1", "A", 1, 1000, SellerId: "atelier"), new OrderedLine("2", "B", 1, 1000, SellerId: "brocante"));

        Assert.Contains("lines", Ship(order, [new("1", 1), new("2", 1)], marketplace: true).Invalid!.Keys);
        Assert.NotNull(Ship(order, [new("1", 1)], marketplace: true).Shipment);
    }

    [Fact]
    public void A_seller_ships_and_declares_only_its_own_lines_and_sees_only_them_and_its_parcels_MP_06_MP_08()
    {
        var order = Order("relay-point", new OrderedLine("1", "A", 1, 1000, SellerId: "atelier", ShipsWithinDays: 2),
            new OrderedLine("2", "B", 2, 1000, SellerId: "brocante", ShipsWithinDays: 5));

        Assert.Contains("lines[0].lineId", ShippingDecisions.Ship(order, [new("2", 1)], [], ShipmentId, Now, true, sellerId: "atelier").Invalid!.Keys);
        Assert.Contains("unavailable[0]", ShippingDecisions.Ship(order, [], ["2"], ShipmentId, Now, true, sellerId: "atelier").Invalid!.Keys);
        var shipped = ShippingDecisions.Ship(order, [new("2", 2)], [], ShipmentId, Now, true, sellerId: "brocante");
        var after = shipped.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));
        var parcel = Shipment.Create(shipped.Shipment!);

        Assert.Equal(["1"], SellerOrders.LinesOf(after, "atelier", Now).Select(line => line.LineId));
        Assert.Equal((2, 0), SellerOrders.LinesOf(after, "brocante", Now).Select(line => (line.Shipped, line.LeftToShip)).Single());
        Assert.True(SellerOrders.IsParcelOf(parcel, after, "brocante"));
        Assert.False(SellerOrders.IsParcelOf(parcel, after, "atelier"));
        Assert.False(SellerOrders.HasLinesOf(after, "verrerie"));
        // Two days after the hand-off the seller's line is late, and the seller is told so [MP-08].
        Assert.True(SellerOrders.LinesOf(after, "atelier", order.HandedOffAt.AddDays(2).AddMinutes(1)).Single().Late);
        Assert.False(SellerOrders.LinesOf(after, "atelier", Now).Single().Late);
    }

    [Fact]
    public void A_line_past_its_sellers_delay_is_flagged_once_with_one_notice_per_seller_and_a_shipped_line_never_MP_08()
    {
        var order = Order("relay-point", new OrderedLine("1", "A", 1, 1000, ProductName: "Tablier", SellerId: "atelier", ShipsWithinDays: 2),
            new OrderedLine("2", "B", 1, 1000, ProductName: "Plaid", SellerId: "atelier", ShipsWithinDays: 2),
            new OrderedLine("3", "C", 1, 1000, ProductName: "Bol", SellerId: "brocante", ShipsWithinDays: 4),
            new OrderedLine("4", "D", 1, 1000, ProductName: "Maison"));
        var shipped = ShippingDecisions.Ship(order, [new("2", 1)], [], ShipmentId, Now, true, sellerId: "atelier").OrderEvents
            .Aggregate(order, (state, @event) => state.Next(@event));
        var threeDaysOn = order.HandedOffAt.AddDays(3);

        Assert.Empty(SellerOrders.FlagLate(shipped, order.HandedOffAt.AddDays(1)));
        var events = SellerOrders.FlagLate(shipped, threeDaysOn);
        var flagged = Assert.IsType<LinesFlaggedLate>(events[0]);
        var notice = Assert.IsType<SellerLinesLate>(Assert.Single(events.Skip(1)));
        Assert.Equal(["1"], flagged.LineIds); // the plaid left; the bowl has four days; the house's line has no delay
        Assert.Equal(("atelier", "Tablier", order.HandedOffAt.AddDays(2)), (notice.SellerId, notice.Lines.Single().ProductName, notice.Lines.Single().DueBy));

        var told = shipped.Next(flagged);
        Assert.Empty(SellerOrders.FlagLate(told, threeDaysOn));
        var later = SellerOrders.FlagLate(told, order.HandedOffAt.AddDays(5));
        Assert.Equal(["3"], Assert.IsType<LinesFlaggedLate>(later[0]).LineIds);
        Assert.Equal("brocante", Assert.IsType<SellerLinesLate>(later[1]).SellerId);
    }

    [Fact]
    public void A_parcel_with_the_sellers_own_carrier_leaves_with_its_tracking_number_and_arrives_by_the_buyers_word_or_14_days_on_MP_08()
    {
        var order = Order("home", new OrderedLine("1", "TABOURET", 1, 12000, SellerId: "ebeniste", ShipsWithinDays: 5));
        var parcel = new OwnCarrierParcel("DHL", "JD014600006281230704", "https://www.dhl.com/suivi");
        Assert.Empty(OwnCarriers.Validate(parcel));
        Assert.Contains("ownCarrier.trackingNumber", OwnCarriers.Validate(parcel with { TrackingNumber = "12 34" }).Keys);
        Assert.Contains("ownCarrier.trackingUrl", OwnCarriers.Validate(parcel with { TrackingUrl = "javascript:alert(1)" }).Keys);
        Assert.NotNull(OwnCarriers.WhyNot(Order("relay-point")));
        Assert.Null(OwnCarriers.WhyNot(order));

        var (started, booked) = OwnCarriers.Handed(ShippingDecisions.Ship(order, [new("1", 1)], [], ShipmentId, Now, true, "ebeniste").Shipment!, parcel, Now);
        var shipment = booked.Aggregate(Shipment.Create(started), (state, @event) => state.Next(@event));
        Assert.Equal(("own:DHL", "JD014600006281230704", ShipmentStatus.LabelCreated), (shipment.Carrier, shipment.TrackingNumber, shipment.Status));
        Assert.Equal("JD014600006281230704", Assert.Single(booked.OfType<OrderShipped>()).TrackingNumber);

        Assert.Empty(OwnCarriers.Arrival(shipment, Now.AddDays(13), confirmedByBuyer: false));
        var presumed = Assert.Single(OwnCarriers.Arrival(shipment, Now.AddDays(15), confirmedByBuyer: false));
        Assert.Equal((ShipmentStatus.Delivered, Now.AddDays(14)), (presumed.Status, presumed.At));
        var delivered = ShippingDecisions.OnTracking(shipment, OwnCarriers.Arrival(shipment, Now.AddDays(2), confirmedByBuyer: true), Now.AddDays(2))
            .Aggregate(shipment, (state, @event) => state.Next(@event));
        Assert.Equal(ShipmentStatus.Delivered, delivered.Status);
        Assert.Empty(OwnCarriers.Arrival(delivered, Now.AddDays(20), confirmedByBuyer: true)); // once
        Assert.Empty(OwnCarriers.Arrival(Booked(), Now.AddDays(30), confirmedByBuyer: true)); // our carriers say it themselves
    }

    [Fact]
    public void A_carrier_outage_leaves_the_shipment_awaiting_its_label_and_retries_later_each_time()
    {
        var shipment = Shipment.Create(Ship(Order(), [new("1", 1)]).Shipment!);

        var first = Assert.IsType<LabelAttemptFailed>(Assert.Single(ShippingDecisions.OnLabelFailed(shipment, "503", false, Now, TimeSpan.FromSeconds(30))));
        var after = shipment.Next(first);
        var second = Assert.IsType<LabelAttemptFailed>(Assert.Single(ShippingDecisions.OnLabelFailed(after, "503", false, Now, TimeSpan.FromSeconds(30))));

        Assert.Equal("awaiting-label", after.Status);
        Assert.Equal(Now.AddSeconds(30), first.NextAttemptAt);
        Assert.Equal(Now.AddSeconds(60), second.NextAttemptAt);
        var refused = Assert.IsType<LabelAttemptFailed>(Assert.Single(ShippingDecisions.OnLabelFailed(shipment, "STAT 97", true, Now, TimeSpan.FromSeconds(30))));
        Assert.Equal(Now.AddMinutes(5), refused.NextAttemptAt);
    }

    [Fact]
    public void Available_at_the_relay_holds_the_parcel_15_days_and_tells_the_customer_FR_10()
    {
        var availableAt = Now.AddDays(-2);

        var (after, events) = Track(Booked(), Event("in-transit", Now.AddDays(-3)), Event("available-for-pickup", availableAt, relay: "020340"));

        var available = Assert.Single(events.OfType<ParcelAvailableForPickup>());
        Assert.Equal(availableAt.AddDays(15), available.HoldUntil);
        Assert.Equal("020340", available.PickupPointId);
        Assert.Equal("available-for-pickup", after.Status);
        Assert.Equal(availableAt.AddDays(15), after.HoldUntil);
        Assert.Empty(ShippingDecisions.OnHoldExpiry(after, Now));
        Assert.Empty(Track(after, Event("in-transit", Now.AddDays(-3)), Event("available-for-pickup", availableAt, relay: "020340")).Events);
    }

    [Fact]
    public void Uncollected_after_15_days_the_parcel_goes_back_to_the_warehouse_FR_10()
    {
        var (held, _) = Track(Booked(), Event("available-for-pickup", Now.AddDays(-16)));

        var events = ShippingDecisions.OnHoldExpiry(held, Now);

        var returned = Assert.Single(events.OfType<ParcelReturnedToWarehouse>());
        Assert.Equal(("uncollected", Now.AddDays(-1)), (returned.Reason, returned.At));
        Assert.Equal("returned-to-warehouse", events.Aggregate(held, (state, @event) => state.Next(@event)).Status);
    }

    [Fact]
    public void Nobody_home_a_notice_is_left_and_the_15_days_start_at_the_notice_then_the_post_office_keeps_counting_FR_11()
    {
        var noticeAt = Now.AddDays(-10);

        var (noticed, first) = Track(Booked("home"), Event("notice-left", noticeAt, "ND1"));
        var (atCounter, second) = Track(noticed, Event("available-for-pickup", noticeAt.AddDays(1), "AG1"));

        Assert.Equal("notice-left", noticed.Status);
        Assert.Equal(noticeAt.AddDays(15), Assert.Single(first.OfType<ParcelAvailableForPickup>()).HoldUntil);
        Assert.Empty(second.OfType<ParcelAvailableForPickup>());
        Assert.Equal(noticeAt.AddDays(15), atCounter.HoldUntil);
        Assert.Single(ShippingDecisions.OnHoldExpiry(atCounter, noticeAt.AddDays(15)).OfType<ParcelReturnedToWarehouse>());
    }

    [Fact]
    public void Delivered_is_final_and_starts_the_return_window_with_the_carriers_time()
    {
        var deliveredAt = Now.AddHours(-5);

        var (after, events) = Track(Booked(), Event("available-for-pickup", Now.AddDays(-1)), Event("delivered", deliveredAt));
        var (later, more) = Track(after, Event("in-transit", Now));

        Assert.Equal(deliveredAt, Assert.Single(events.OfType<ParcelDelivered>()).DeliveredAt);
        Assert.Equal("delivered", later.Status);
        Assert.Single(more); // recorded, but nothing turns a delivery back
        Assert.Empty(ShippingDecisions.OnHoldExpiry(later, Now.AddDays(30)));
    }

    [Fact]
    public void An_event_older_than_the_newest_does_not_turn_the_status_back()
    {
        var (outForDelivery, _) = Track(Booked(), Event("out-for-delivery", Now));

        var (after, events) = Track(outForDelivery, Event("in-transit", Now.AddHours(-6)));

        Assert.Equal("out-for-delivery", after.Status);
        Assert.IsType<TrackingEventRecorded>(Assert.Single(events));
    }

    [Fact]
    public void A_line_its_seller_has_not_shipped_within_their_own_delay_is_flagged_late_MP_08()
    {
        var order = Order("relay-point", new OrderedLine("1", "TABLIER", 1, 3900, SellerId: "atelier", ShipsWithinDays: 2),
            new OrderedLine("2", "PLAID", 1, 8900, SellerId: "atelier", ShipsWithinDays: 5), new OrderedLine("3", "HOUSE", 1, 1000));

        var late = ShippingDecisions.LateLines(order, order.HandedOffAt.AddDays(3));

        var tablier = Assert.Single(late);
        Assert.Equal(("1", "atelier", order.HandedOffAt.AddDays(2)), (tablier.LineId, tablier.SellerId, tablier.DueBy));
        var shipped = Ship(order, [new("1", 1)], marketplace: true).OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));
        Assert.Empty(ShippingDecisions.LateLines(shipped, order.HandedOffAt.AddDays(3)));
        Assert.Equal(["1", "2"], ShippingDecisions.LateLines(order, order.HandedOffAt.AddDays(6)).Select(line => line.LineId));
    }

    [Fact]
    public void A_replacement_asked_for_once_leaves_in_its_own_parcel_and_charges_nothing_ALL_07()
    {
        var order = Order();
        var shipped = Ship(order, [new("1", 1), new("2", 2), new("3", 1)]).OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));
        var request = new ReplacementShipmentRequested(order.Id, "parcel-returned:1", [new ShippedLine("2", "JEAN-40", 2)],
            ReplacementShipmentRequested.ParcelReturned, Now);

        var recorded = ShippingDecisions.OnReplacementRequested(shipped, request);
        var waiting = recorded.Aggregate(shipped, (state, @event) => state.Next(@event));

        Assert.Empty(ShippingDecisions.OnReplacementRequested(waiting, request)); // told twice, shipped once
        Assert.False(waiting.Complete);
        var again = ShippingDecisions.Ship(waiting, [new("2", 2)], [], Guid.NewGuid(), Now, oneSellerPerParcel: false);
        Assert.True(again.Shipment!.Replacement);
        var booked = ShippingDecisions.OnLabelBooked(Shipment.Create(again.Shipment), "1", "https://t", null, null, Now);
        Assert.True(Assert.Single(booked.OfType<OrderShipped>()).Replacement);
        Assert.True(again.OrderEvents.Aggregate(waiting, (state, @event) => state.Next(@event)).Complete);
        Assert.NotNull(ShippingDecisions.Ship(waiting, [new("2", 3)], [], Guid.NewGuid(), Now, oneSellerPerParcel: false).Conflict);
    }

    [Fact]
    public void Replacement_units_never_share_a_parcel_with_the_first_delivery_so_each_is_charged_right()
    {
        var order = Order();
        var partly = Ship(order, [new("1", 1)]).OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));
        var waiting = ShippingDecisions.OnReplacementRequested(partly, new ReplacementShipmentRequested(order.Id, "claim:1",
            [new ShippedLine("1", "ROBE-38", 1)], ReplacementShipmentRequested.ClaimSettled, Now)).Aggregate(partly, (state, @event) => state.Next(@event));

        Assert.NotNull(ShippingDecisions.Ship(waiting, [new("1", 1), new("2", 2)], [], Guid.NewGuid(), Now, oneSellerPerParcel: false).Conflict);
        Assert.False(ShippingDecisions.Ship(waiting, [new("2", 2)], [], Guid.NewGuid(), Now, oneSellerPerParcel: false).Shipment!.Replacement);
    }

    [Fact]
    public void A_parcel_back_at_the_warehouse_names_its_lines_so_reception_can_shelve_them_and_a_return_parcel_never_does()
    {
        var shipment = Booked();
        var (_, events) = Track(shipment, Event("returned-to-warehouse", Now.AddDays(3)));

        var returned = Assert.Single(events.OfType<ParcelReturnedToWarehouse>());
        Assert.Equal((ParcelReturnedToWarehouse.ReturnedByCarrier, shipment.Lines), (returned.Reason, returned.Lines));
    }

    [Fact]
    public void An_event_in_the_future_is_set_aside_and_one_before_the_parcel_left_is_applied_but_flagged()
    {
        var shipment = Booked();
        var events = ShippingDecisions.OnTracking(shipment,
            [Event("in-transit", Now.AddDays(-40)), Event("available-for-pickup", Now.AddDays(2)), Event("out-for-delivery", Now.AddDays(-29))], Now);

        var doubted = events.OfType<TrackingEventDoubted>().ToList();
        Assert.Equal(["available-for-pickup", "in-transit"], doubted.Select(d => d.Event.Status));
        Assert.Empty(events.OfType<ParcelAvailableForPickup>());
        var after = events.Aggregate(shipment, (state, @event) => state.Next(@event));
        Assert.Equal(("out-for-delivery", 2), (after.Status, after.Tracking.Count));
        Assert.Empty(ShippingDecisions.OnTracking(after, [Event("available-for-pickup", Now.AddDays(2))], Now)); // told again: already set aside
    }

    [Fact]
    public void A_label_refused_three_times_in_a_row_goes_to_ops_and_a_corrected_recipient_is_asked_for_again_FR_01()
    {
        var shipment = Shipment.Create(Ship(Order(), [new("1", 1)]).Shipment!);
        var reason = "L'adresse (addressee) est incomplète.";
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            shipment = ShippingDecisions.OnLabelFailed(shipment, reason, carrierRefused: true, Now.AddMinutes(attempt * 10), TimeSpan.FromSeconds(5))
                .Aggregate(shipment, (state, @event) => state.Next(@event));
            Assert.Equal(attempt < 3 ? "awaiting-label" : "label-refused", shipment.Status);
        }

        Assert.Equal((null, reason), (shipment.NextLabelAttemptAt, shipment.LabelProblem));
        Assert.Empty(ShippingDecisions.OnLabelFailed(shipment, reason, true, Now.AddHours(1), TimeSpan.FromSeconds(5)));

        var tooLong = Camille with { Line1 = "Résidence des Jardins de la Fontaine, bâtiment B" };
        Assert.Contains("recipient.line1", ShippingDecisions.CorrectRecipient(shipment, tooLong, Now).Invalid!.Keys);
        var (events, invalid, conflict) = ShippingDecisions.CorrectRecipient(shipment, Camille with { Line1 = "Rés. Jardins Fontaine, bât. B" }, Now.AddHours(2));
        Assert.Null(invalid ?? (object?)conflict);
        var again = events.Aggregate(shipment, (state, @event) => state.Next(@event));
        Assert.Equal(("awaiting-label", (DateTimeOffset?)Now.AddHours(2)), (again.Status, again.NextLabelAttemptAt));
        Assert.NotNull(ShippingDecisions.CorrectRecipient(Booked(), Camille, Now).Conflict); // printed already
    }

    [Fact]
    public void A_return_parcels_label_refused_for_good_is_asked_for_again_once_ops_correct_the_customer_it_leaves_from_FR_12_ALL_07()
    {
        var parcel = Shipment.Create(ShippingDecisions.ReturnParcel(new ReturnLabelRequested(Guid.NewGuid(), Guid.NewGuid(), "RET-20261123-ABCDEF",
            "mondial-relay", Camille with { Line1 = "Résidence des Jardins, bât. B, 3e ét." }, 1, Now)));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            parcel = ShippingDecisions.OnLabelFailed(parcel, "Adresse trop longue", carrierRefused: true, Now.AddMinutes(attempt * 10), TimeSpan.FromSeconds(5))
                .Aggregate(parcel, (state, @event) => state.Next(@event));
        }

        Assert.Equal("label-refused", parcel.Status);
        var (events, invalid, conflict) = ShippingDecisions.CorrectRecipient(parcel, Camille with { Line1 = "Rés. des Jardins, bât. B" }, Now.AddHours(1));

        Assert.Null(invalid ?? (object?)conflict);
        Assert.Equal("awaiting-label", events.Aggregate(parcel, (state, @event) => state.Next(@event)).Status);
    }

    [Fact]
    public void A_parcel_the_carrier_is_silent_about_goes_to_an_inquiry_news_closes_it_silence_makes_it_lost_once_ALL_07()
    {
        var (inquiryAfter, lostAfter) = (TimeSpan.FromDays(10), TimeSpan.FromDays(14));
        var (moving, _) = Track(Booked(), Event("in-transit", Now.AddDays(-29)));
        static Shipment After(Shipment shipment, IReadOnlyList<object> events) => events.Aggregate(shipment, (state, @event) => state.Next(@event));

        Assert.Empty(ShippingDecisions.OnSilence(moving, Now.AddDays(-20), inquiryAfter, lostAfter)); // nine days of silence
        var inquiry = After(moving, ShippingDecisions.OnSilence(moving, Now.AddDays(-19), inquiryAfter, lostAfter));
        Assert.Equal("inquiry", inquiry.Status);
        Assert.Empty(ShippingDecisions.OnSilence(inquiry, Now.AddDays(-6), inquiryAfter, lostAfter)); // the inquiry takes its time

        // The carrier finds it: the inquiry closes with the news.
        var found = After(inquiry, ShippingDecisions.OnTracking(inquiry, [Event("delivered", Now.AddDays(-10))], Now.AddDays(-10)));
        Assert.Equal("delivered", found.Status);

        var lostEvents = ShippingDecisions.OnSilence(inquiry, Now.AddDays(-5), inquiryAfter, lostAfter);
        var lost = After(inquiry, lostEvents);
        Assert.Equal("lost", lost.Status);
        var told = Assert.Single(lostEvents.OfType<ParcelLost>());
        Assert.Equal((ShipmentId, 1), (told.ShipmentId, told.Lines.Sum(line => line.Quantity)));
        Assert.Empty(ShippingDecisions.OnSilence(lost, Now, inquiryAfter, lostAfter)); // lost once
        Assert.Equal("lost", After(lost, ShippingDecisions.OnTracking(lost, [Event("in-transit", Now)], Now)).Status); // final: news is kept, not followed
    }

    [Fact]
    public void A_carrier_down_is_retried_without_end_since_it_will_come_back()
    {
        var shipment = Shipment.Create(Ship(Order(), [new("1", 1)]).Shipment!);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            shipment = ShippingDecisions.OnLabelFailed(shipment, "503", carrierRefused: false, Now.AddMinutes(attempt * 30), TimeSpan.FromSeconds(5))
                .Aggregate(shipment, (state, @event) => state.Next(@event));
        }

        Assert.Equal("awaiting-label", shipment.Status);
    }
}
