using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>
/// How an order reacts to what the other services report and to its own deadlines: pure functions from
/// the order and what happened to the events to append. Each is idempotent: told twice, the second
/// time it decides nothing.
/// </summary>
public static class OrderProcess
{
    public static IReadOnlyList<object> OnStockReserved(Order order, IReadOnlyList<string> lineIds, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fresh = lineIds.Where(id => order.Line(id)?.Status is LineStatus.Pending or LineStatus.Backordered).ToList();
        if (fresh.Count == 0 || OrderStatus.IsTerminal(order.Status))
        {
            return [];
        }

        return Then(order, [new StockReservedForLines(fresh, now)], now, policy);
    }

    public static IReadOnlyList<object> OnStockUnavailable(Order order, IReadOnlyList<string> lineIds, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fresh = lineIds.Where(id => order.Line(id)?.Status == LineStatus.Pending).ToList();
        return fresh.Count == 0 || OrderStatus.IsTerminal(order.Status)
            ? []
            : Then(order, [new LinesUnavailable(fresh, LinesUnavailable.OutOfStock, now)], now, policy);
    }

    public static IReadOnlyList<object> OnStockBackordered(Order order, IReadOnlyList<string> lineIds, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fresh = lineIds.Where(id => order.Line(id)?.Status == LineStatus.Pending).ToList();
        return fresh.Count == 0 || OrderStatus.IsTerminal(order.Status)
            ? []
            : Then(order, [new LinesBackordered(fresh, now)], now, policy);
    }

    public static IReadOnlyList<object> OnPaymentAuthorized(Order order, long amountCents, string method, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.PaymentAuthorized || order.Status != OrderStatus.Placed
            ? []
            : Then(order, [new PaymentAuthorizationRecorded(amountCents, method, now)], now, policy);
    }

    /// <summary>A refused payment ends the order: no confirmation, stock released by Catalog from the same event [FR-27, JI-03].</summary>
    public static IReadOnlyList<object> OnPaymentRefused(Order order, string declineCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status == OrderStatus.Placed ? [new PaymentRefusalRecorded(declineCode, now)] : [];
    }

    /// <summary>
    /// Goes to logistics once the delay after confirmation has passed [FR-09, JI-06]; never while the payment is
    /// escalated, so nothing ships unpaid.
    /// </summary>
    public static IReadOnlyList<object> HandOff(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order is { Status: OrderStatus.Confirmed, HandOffDueAt: { } due, PaymentIssue: null } && due <= now
            ? [HandedOff(order, now)]
            : [];
    }

    /// <summary>
    /// Operations release the order to the warehouse before its hand-off time (an urgent order, a warehouse
    /// with spare hands). Never where the customer may still cancel until hand-off [JI-06]: that right is theirs.
    /// </summary>
    public static (IReadOnlyList<object> Events, string? Refusal) HandOffNow(Order order, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        return order switch
        {
            { Status: not OrderStatus.Confirmed } => ([], $"The order is {order.Status}: only a confirmed order goes to logistics."),
            { PaymentIssue: { } issue } => ([], $"The payment needs attention first ({issue}): nothing ships unpaid."),
            { HandOffDueAt: { } due } when policy.CancelUntil == CancellationRule.BeforeHandOff && due > now =>
                ([], $"The customer may cancel until {due:O}: the order goes to logistics then."),
            _ => ([HandedOff(order, now)], null),
        };
    }

    private static OrderHandedToLogistics HandedOff(Order order, DateTimeOffset now) =>
        new(order.Id, order.OrderNumber, Deliverable(order), order.Delivery!, order.DeliveryAddress!, now, order.CustomerId, order.EstimatedDelivery);

    /// <summary>The customer cancels: allowed only where the merchant's rule allows [FR-06, JI-06]; otherwise why not.</summary>
    public static (IReadOnlyList<object> Events, string? Refusal) Cancel(Order order, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        var allowed = order.Status == OrderStatus.Placed
            || (policy.CancelUntil == CancellationRule.BeforeHandOff && order.Status is OrderStatus.Confirmed or OrderStatus.Backordered);
        if (!allowed)
        {
            return ([], order.Status switch
            {
                OrderStatus.Cancelled => "The order is already cancelled.",
                OrderStatus.PaymentRefused => "The payment was refused: there is nothing to cancel.",
                OrderStatus.Confirmed or OrderStatus.Backordered => "The order is paid and validated: it can no longer be cancelled.",
                _ => "The order has gone to logistics: it can no longer be cancelled; a withdrawal after delivery remains possible.",
            });
        }

        return ([new OrderCancelled(order.Id, now, OrderCancelled.ByCustomer)], null);
    }

    public static IReadOnlyList<object> OnShipped(Order order, OrderShipped shipped)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipped);
        return order.Shipments.Any(shipment => shipment.ShipmentId == shipped.ShipmentId)
            ? []
            : [new ShipmentRecorded(shipped.ShipmentId, shipped.Lines.Select(line => new ShipmentLine(line.LineId, line.Quantity)).ToList(),
                shipped.Carrier, shipped.TrackingNumber, shipped.TrackingUrl, shipped.ShippedAt, shipped.Replacement)];
    }

    /// <summary>Payment escalated the order's payment: recorded once, it holds the hand-off.</summary>
    public static IReadOnlyList<object> OnPaymentEscalated(Order order, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.PaymentIssue is null && !OrderStatus.IsTerminal(order.Status) ? [new PaymentIssueRecorded(reason, now)] : [];
    }

    /// <summary>The payment's escalation was settled: the hold on the order goes (told twice, or for an order without one, nothing).</summary>
    public static IReadOnlyList<object> OnPaymentEscalationResolved(Order order, string how, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.PaymentIssue is not null ? [new PaymentIssueCleared(how, at)] : [];
    }

    /// <summary>
    /// Operations cancel an order whose payment could not be secured, while nothing of it has shipped: nothing ships, what was charged is
    /// refunded, what is held released (Payment), the stock goes back (Catalog), the customer is told. Otherwise the warehouse declares the
    /// rest missing, which ends the escalation too.
    /// </summary>
    public static (IReadOnlyList<object> Events, string? Refusal) CancelByOperations(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order switch
        {
            _ when OrderStatus.IsTerminal(order.Status) => ([], $"The order is {order.Status}: there is nothing to cancel."),
            { PaymentIssue: null } => ([], "Operations cancel an order whose payment is escalated; this one's payment needs nothing."),
            { Shipments.Count: > 0 } => ([], "Part of the order has shipped: declare the rest missing in the warehouse instead (nothing more is then charged)."),
            _ => ([new OrderCancelled(order.Id, now, OrderCancelled.ByOperations)], null),
        };
    }

    /// <summary>Where a shipment stands at its carrier, for the order page; an older news than what the order shows changes nothing.</summary>
    public static IReadOnlyList<object> OnShipmentStatusChanged(Order order, ShipmentStatusChanged changed)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(changed);
        return order.Shipments.FirstOrDefault(shipment => shipment.ShipmentId == changed.ShipmentId) is { } shipment
               && (shipment.StatusAt is not { } known || known < changed.At) && shipment.Status != changed.Status
            ? [new ShipmentStatusRecorded(changed.ShipmentId, changed.Status, changed.At, changed.HoldUntil)]
            : [];
    }

    /// <summary>Delivered and its return window over (14 days, 30 on the marketplace): the order is completed.</summary>
    public static IReadOnlyList<object> Complete(Order order, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        return order.Status == OrderStatus.Delivered && order.StatusSince + (policy.ReturnWindow ?? TimeSpan.FromDays(14)) <= now
            ? [new OrderCompleted(now)]
            : [];
    }

    /// <summary>A shipment arrived; told twice, or about a shipment the order does not have, it decides nothing.</summary>
    public static IReadOnlyList<object> OnDelivered(Order order, Guid shipmentId, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Shipments.FirstOrDefault(shipment => shipment.ShipmentId == shipmentId) is { DeliveredAt: null }
            ? [new DeliveryRecorded(shipmentId, deliveredAt)]
            : [];
    }

    /// <summary>Lines the warehouse could not find are never shipped or charged [FR-07].</summary>
    public static IReadOnlyList<object> OnLinesFoundMissing(Order order, IReadOnlyList<string> lineIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        // A line partly shipped may have its rest found missing; one shipped in full or already missing is not missing again.
        var fresh = lineIds.Where(id => order.Line(id) is { Status: not (LineStatus.Unavailable or LineStatus.Shipped) }).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        // Nothing was found and nothing shipped: the order ends here, and its money is released or refunded [ALL-07].
        var missing = new LinesUnavailable(fresh, LinesUnavailable.FoundMissing, now);
        return order.Next(missing).Lines.All(line => line.Status is LineStatus.Unavailable or LineStatus.Cancelled)
            ? [missing, new OrderCancelled(order.Id, now, OrderCancelled.FoundMissing)]
            : [missing];
    }

    /// <summary>
    /// A parcel came back to the warehouse [FR-10, FR-11]: the order shows it and waits, until <paramref name="now"/> plus the shop's
    /// hold, for ops to send it again at the customer's request; then it is refunded. Told twice, recorded once; null when the order
    /// does not know the shipment yet (its <c>OrderShipped</c> is still on its way).
    /// </summary>
    public static IReadOnlyList<object>? OnParcelReturned(Order order, Guid shipmentId, string reason, DateTimeOffset at, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        return order.Shipments.FirstOrDefault(shipment => shipment.ShipmentId == shipmentId) switch
        {
            null => null,
            { ReturnedAt: not null } or { DeliveredAt: not null } => [],
            _ => [new ParcelCameBack(shipmentId, reason, at, now + policy.ReturnedParcelHold)],
        };
    }

    /// <summary>
    /// Ops settle a parcel that came back: sent again, free (the customer asked for it), or refunded now. Refunded, the parcel's
    /// items go back to the customer, and the shipping fee too once nothing of the order reached them (a delivery that failed
    /// whole, as a withdrawal gives it back); the refund goes to the method that paid [ALL-07].
    /// </summary>
    public static (IReadOnlyList<object> Events, string? Refusal) SettleReturnedParcel(Order order, Guid shipmentId, string outcome, string by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Shipments.FirstOrDefault(shipment => shipment.ShipmentId == shipmentId) switch
        {
            null => ([], $"The order has no parcel {shipmentId}."),
            { ReturnedAt: null } => ([], "This parcel has not come back to the warehouse."),
            { Settlement: { } done } => ([], $"This parcel was {done} already."),
            { } shipment when outcome == ReturnedParcelSettled.Reshipped =>
            ([
                new ReturnedParcelSettled(shipmentId, outcome, 0, by, now),
                new ReplacementShipmentRequested(order.Id, $"parcel-returned:{shipmentId:N}", LinesOf(order, shipment),
                    ReplacementShipmentRequested.ParcelReturned, now),
            ], null),
            { } shipment => (Refund(order, shipment, by, now), null),
        };
    }

    /// <summary>Parcels back at the warehouse that nobody asked to send again by their settle-by date are refunded.</summary>
    public static IReadOnlyList<object> RefundUnclaimedParcels(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var events = new List<object>();
        foreach (var shipment in order.Shipments.Where(shipment => shipment is { ReturnedAt: not null, Settlement: null, SettleBy: { } due } && due <= now))
        {
            var current = events.Aggregate(order, (state, @event) => @event is ReturnedParcelSettled ? state.Next(@event) : state);
            events.AddRange(Refund(current, shipment, "deadline", now));
        }

        return events;
    }

    private static IReadOnlyList<object> Refund(Order order, OrderShipment shipment, string by, DateTimeOffset now)
    {
        var items = shipment.Lines.Sum(sent => order.Line(sent.LineId)?.AsOrdered().AmountForCents(sent.Quantity) ?? 0);
        var after = order.Next(new ReturnedParcelSettled(shipment.ShipmentId, ReturnedParcelSettled.Refunded, 0, by, now));
        var amount = items + (after.Status == OrderStatus.Refunded ? order.Amounts.ShippingFeeCents : 0);
        return
        [
            new ReturnedParcelSettled(shipment.ShipmentId, ReturnedParcelSettled.Refunded, amount, by, now),
            new RefundRequested(order.Id, $"parcel-returned:{shipment.ShipmentId:N}", amount, RefundRequested.Original, "parcel-returned", LinesOf(order, shipment)),
        ];
    }

    private static IReadOnlyList<ShippedLine> LinesOf(Order order, OrderShipment shipment) =>
        shipment.Lines.Select(sent => new ShippedLine(sent.LineId, order.Line(sent.LineId)?.Sku ?? "", sent.Quantity)).ToList();

    /// <summary>The lines that will still be delivered: all but the unavailable ones.</summary>
    public static IReadOnlyList<OrderedLine> Deliverable(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Lines.Where(line => line.Status is not (LineStatus.Unavailable or LineStatus.Cancelled)).Select(line => line.AsOrdered()).ToList();
    }

    /// <summary>The events decided, and what follows from them once every line is settled and the payment authorised.</summary>
    private static IReadOnlyList<object> Then(Order order, IReadOnlyList<object> events, DateTimeOffset now, OrderPolicy policy)
    {
        var after = events.Aggregate(order, (state, @event) => state.Next(@event));
        return [.. events, .. Follow(after, now, policy)];
    }

    private static IEnumerable<object> Follow(Order order, DateTimeOffset now, OrderPolicy policy)
    {
        if (order.Status == OrderStatus.Backordered && order.Lines.All(line => line.Status != LineStatus.Backordered))
        {
            yield return new HandOffScheduled(now + policy.HandOffDelay, now); // restocked [JI-09]
            yield break;
        }

        if (order.Status != OrderStatus.Placed || !order.PaymentAuthorized || order.Lines.Any(line => line.Status == LineStatus.Pending))
        {
            yield break;
        }

        if (order.Lines.All(line => line.Status == LineStatus.Unavailable))
        {
            yield return new OrderCancelled(order.Id, now, OrderCancelled.OutOfStock);
            yield break;
        }

        var lines = Deliverable(order);
        var items = lines.Sum(line => line.UnitPriceCents * line.Quantity);
        var discount = lines.Sum(line => line.DiscountCents);
        var awaitingRestock = order.Lines.Any(line => line.Status == LineStatus.Backordered);
        yield return new OrderConfirmed(order.Id, order.OrderNumber, order.CustomerId, lines,
            new OrderAmounts(items, order.Amounts.ShippingFeeCents, discount, items - discount + order.Amounts.ShippingFeeCents),
            order.Delivery!, order.DeliveryAddress!, order.BillingAddress ?? order.DeliveryAddress!, order.PaymentMethod ?? "", awaitingRestock, now);
        if (!awaitingRestock)
        {
            yield return new HandOffScheduled(now + policy.HandOffDelay, now);
        }
    }
}
