using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping.Domain;

/// <summary>One line the warehouse puts in the parcel, and how many of it.</summary>
public sealed record ShipRequestLine(string LineId, int Quantity);

/// <summary>
/// What shipping some lines decides: events on the order, the new shipment (none when only missing lines
/// were declared), or why not: field errors (422) or a conflict with what already happened (409).
/// </summary>
public sealed record ShipDecision(IReadOnlyList<object> OrderEvents, ShipmentStarted? Shipment, IReadOnlyDictionary<string, string[]>? Invalid,
    string? Conflict);

/// <summary>A line its seller should have shipped by <paramref name="DueBy"/> and has not: operations chase the seller [MP-08].</summary>
public sealed record LateLine(Guid OrderId, string OrderNumber, string LineId, string Sku, string? SellerId, int LeftToShip, DateTimeOffset DueBy);

/// <summary>The warehouse's and the carriers' decisions on orders and shipments: pure functions of state and what happened.</summary>
public static class ShippingDecisions
{
    /// <summary>A parcel waits this long at a relay point or post office before it goes back [FR-10, FR-11].</summary>
    public static readonly TimeSpan PickupHold = TimeSpan.FromDays(15);

    private static readonly TimeSpan MaxLabelRetryDelay = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The warehouse ships <paramref name="lines"/> and declares <paramref name="unavailable"/> missing [FR-07]: a whole line, or the rest of
    /// one partly shipped. Never more than is left of a line, never a line shipped in full declared missing, nothing while Payment holds the order; on the marketplace a parcel
    /// holds one seller's lines, since each seller ships their own [MP-08]. A seller (<paramref name="sellerId"/>) ships and declares only its own
    /// lines: another seller's are not there for it.
    /// </summary>
    public static ShipDecision Ship(OrderToShip order, IReadOnlyList<ShipRequestLine> lines, IReadOnlyList<string> unavailable, Guid shipmentId,
        DateTimeOffset now, bool oneSellerPerParcel, string? sellerId = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(unavailable);
        var visible = sellerId is null ? order.Lines : order.Lines.Where(line => line.SellerId == sellerId).ToList();
        var invalid = new Dictionary<string, string[]>();
        if (lines.Count == 0 && unavailable.Count == 0)
        {
            invalid["lines"] = ["Ship at least one line, or declare one unavailable."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (visible.All(line => line.LineId != lines[i].LineId))
            {
                invalid[$"lines[{i}].lineId"] = [$"The order has no line {lines[i].LineId}."];
            }
            else if (lines[i].Quantity < 1)
            {
                invalid[$"lines[{i}].quantity"] = ["At least 1."];
            }
        }

        if (lines.GroupBy(line => line.LineId).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            invalid["lines"] = [$"Line {twice.Key} is listed twice: give its whole quantity once."];
        }

        for (var i = 0; i < unavailable.Count; i++)
        {
            if (visible.All(line => line.LineId != unavailable[i]))
            {
                invalid[$"unavailable[{i}]"] = [$"The order has no line {unavailable[i]}."];
            }
            else if (lines.Any(line => line.LineId == unavailable[i]))
            {
                invalid[$"unavailable[{i}]"] = ["A line cannot be both shipped and unavailable."];
            }
        }

        var shipped = lines.Select(line => visible.FirstOrDefault(ordered => ordered.LineId == line.LineId)).OfType<OrderedLine>().ToList();
        if (oneSellerPerParcel && shipped.Select(line => line.SellerId).Distinct().Count() > 1)
        {
            invalid["lines"] = ["Each seller ships their own parcel: one seller's lines per shipment."];
        }

        if (invalid.Count > 0)
        {
            return new ShipDecision([], null, invalid, null);
        }

        if (order.Cancelled)
        {
            return new ShipDecision([], null, null, "The order was cancelled: nothing of it ships.");
        }

        // Held, nothing leaves; the rest may still be declared missing, which ends the hold (nothing more is then charged).
        if (order.PaymentHold is { } hold && lines.Count > 0)
        {
            return new ShipDecision([], null, null, $"Payment holds this order ({hold}): nothing ships unpaid until operations settle it.");
        }

        foreach (var line in lines)
        {
            var left = order.LeftToShip(order.Lines.First(ordered => ordered.LineId == line.LineId));
            if (line.Quantity > left)
            {
                return new ShipDecision([], null, null, $"Line {line.LineId} has {left} unit(s) left to ship, not {line.Quantity}.");
            }
        }

        // A replacement leaves in its own parcel, so Payment charges nothing for it and the first delivery's are charged exactly.
        var replacement = lines.Count > 0 && lines.All(line => order.OriginalLeft(order.Lines.First(ordered => ordered.LineId == line.LineId)) == 0);
        if (!replacement && lines.Any(line => line.Quantity > order.OriginalLeft(order.Lines.First(ordered => ordered.LineId == line.LineId))))
        {
            return new ShipDecision([], null, null, "Replacement units leave in their own parcel: ship the rest of the order first, then the replacement.");
        }

        // Declared missing twice (a retried request) is still declared once. What is missing of a line is what is left of it to ship: all of
        // it, or the rest of a line partly shipped (the order then ends, and nothing more is charged for it) [FR-07, ALL-07].
        var missing = unavailable.Distinct().Where(id => !order.MissingLines.Contains(id)).ToList();
        var shippedInFull = missing.FirstOrDefault(id => order.OriginalLeft(order.Lines.First(line => line.LineId == id)) == 0);
        if (shippedInFull is not null)
        {
            return new ShipDecision([], null, null, $"Line {shippedInFull} has shipped in full: nothing of it is left to be missing.");
        }

        var events = new List<object>();
        ShipmentStarted? started = null;
        if (lines.Count > 0)
        {
            var parcel = lines.Select(line => new ShippedLine(line.LineId, order.Lines.First(ordered => ordered.LineId == line.LineId).Sku, line.Quantity)).ToList();
            events.Add(new ShipmentPrepared(shipmentId, parcel, now, replacement));
            started = new ShipmentStarted(shipmentId, order.Id, order.OrderNumber, order.CustomerId, order.Delivery.Carrier, order.Delivery.Mode,
                order.Delivery.PickupPointId, order.DeliveryAddress, parcel, now, Replacement: replacement);
        }

        if (missing.Count > 0)
        {
            events.Add(new LinesFoundMissing(order.Id, missing.Select(id => order.Lines.First(line => line.LineId == id))
                .Select(line => new ShippedLine(line.LineId, line.Sku, order.OriginalLeft(line))).ToList()));
        }

        return new ShipDecision(events, started, null, null);
    }

    /// <summary>
    /// The carrier booked the label: the shipment has left (<c>OrderShipped</c>, which makes Payment capture exactly these lines,
    /// FR-26) with its tracking number and link [FR-03, JI-11]. Booked twice, it decides nothing the second time.
    /// </summary>
    /// <remarks>A return parcel's label goes back to Returns instead (<c>ReturnLabelBooked</c>, with the PDF): nothing ships, nothing is charged.</remarks>
    public static IReadOnlyList<object> OnLabelBooked(Shipment shipment, string trackingNumber, string trackingUrl, string? labelUrl, byte[]? labelPdf,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.Status != ShipmentStatus.AwaitingLabel)
        {
            return [];
        }

        return
        [
            new LabelBooked(trackingNumber, trackingUrl, labelUrl, labelPdf is { Length: > 0 }, now),
            shipment.ReturnId is { } returnId
                ? new ReturnLabelBooked(returnId, shipment.OrderId, shipment.Carrier, trackingNumber, trackingUrl, labelPdf, now)
                : new OrderShipped(shipment.OrderId, shipment.Id, shipment.Lines, now, shipment.Carrier, trackingNumber, trackingUrl, shipment.Replacement),
            new ShipmentStatusChanged(shipment.OrderId, shipment.Id, ShipmentStatus.LabelCreated, now, ReturnParcel: shipment.ReturnId is not null),
        ];
    }

    /// <summary>These lines leave again, free; asked twice (the same request), recorded once.</summary>
    public static IReadOnlyList<object> OnReplacementRequested(OrderToShip order, ReplacementShipmentRequested requested)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(requested);
        var lines = requested.Lines.Where(line => line.Quantity > 0 && order.Lines.Any(ordered => ordered.LineId == line.LineId)).ToList();
        return (order.ReplacementRequests ?? []).Contains(requested.RequestId) || lines.Count == 0
            ? []
            : [new ReplacementRecorded(requested.RequestId, lines, requested.Reason, requested.At)];
    }

    /// <summary>Returns asked for a return label: a return parcel from the customer to the warehouse, booked like any other.</summary>
    public static ShipmentStarted ReturnParcel(ReturnLabelRequested requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new ShipmentStarted(requested.ReturnId, requested.OrderId, requested.ReturnNumber, null, requested.Carrier, "return", null, requested.From, [],
            requested.RequestedAt, requested.ReturnId, Math.Max(1, requested.Items));
    }

    /// <summary>Refused this many times in a row, the label is not asked for again until ops correct what the carrier refuses.</summary>
    public const int RefusalsBeforeOps = 3;

    /// <summary>
    /// No label this time: try again later, waiting longer each time (never past 30 minutes); a refusal waits at least 5, and the
    /// third refusal in a row goes to ops with the carrier's reason instead of into endless retries.
    /// </summary>
    public static IReadOnlyList<object> OnLabelFailed(Shipment shipment, string reason, bool carrierRefused, DateTimeOffset now, TimeSpan firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.Status != ShipmentStatus.AwaitingLabel)
        {
            return [];
        }

        var attempt = shipment.LabelAttempts + 1;
        var delay = TimeSpan.FromTicks(Math.Min(firstRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 20)), MaxLabelRetryDelay.Ticks));
        if (carrierRefused && delay < TimeSpan.FromMinutes(5))
        {
            delay = TimeSpan.FromMinutes(5);
        }

        var failed = new LabelAttemptFailed(attempt, reason, carrierRefused, now, now + delay);
        return carrierRefused && shipment.LabelRefusals + 1 >= RefusalsBeforeOps ? [failed, new LabelRefusedForGood(reason, now)] : [failed];
    }

    /// <summary>
    /// Ops give the recipient as the carrier will print it (the customer called with the missing name, a shorter line): the label is
    /// asked for again. Only before the carrier booked it; a return parcel's too (its "recipient" is the customer it leaves from).
    /// </summary>
    public static (IReadOnlyList<object> Events, IReadOnlyDictionary<string, string[]>? Invalid, string? Conflict) CorrectRecipient(Shipment shipment,
        PostalAddress recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.Status is not (ShipmentStatus.AwaitingLabel or ShipmentStatus.LabelRefused))
        {
            return ([], null, $"The parcel is {shipment.Status}: its label is printed, its recipient can no longer change.");
        }

        var problems = CarrierLabels.Problems(shipment.Carrier, recipient, "recipient");
        return problems.Count > 0 ? ([], problems, null) : ([new RecipientCorrected(recipient, now)], null, null);
    }

    /// <summary>Carriers' and our clocks differ a little: how far an event may seem to precede the parcel's departure, or to lie ahead.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// What the carrier reported: each new event recorded once, the status it leads to, the 15-day hold from the first time the parcel
    /// waited for collection [FR-10, FR-11], and the news others act on: available for pickup, delivered (the return windows start),
    /// returned. Delivery or return is final whatever comes after; events older than the newest known do not turn the status back.
    /// An event dated in the future cannot be true: set aside, it moves nothing. One dated before the parcel left is the carrier's word
    /// still (a late scan, a clock set wrong): applied, and flagged for ops to query.
    /// </summary>
    public static IReadOnlyList<object> OnTracking(Shipment shipment, IReadOnlyList<TrackingEventRecorded> reported, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(reported);
        var known = shipment.Tracking.Select(e => e.Key).Concat((shipment.Doubted ?? []).Select(doubted => doubted.Event.Key)).ToHashSet();
        var news = reported.Where(e => !known.Contains(e.Key)).DistinctBy(e => e.Key).OrderBy(e => e.At).ToList();
        if (news.Count == 0 || shipment.Status == ShipmentStatus.AwaitingLabel)
        {
            return [];
        }

        var left = (shipment.ShippedAt ?? shipment.CreatedAt) - ClockSkew;
        var future = news.Where(e => e.At > now + ClockSkew).ToList();
        var events = new List<object>(future.Select(e => new TrackingEventDoubted(e, "dated in the future: set aside", now)));
        events.AddRange(news.Where(e => e.At < left).Select(e => new TrackingEventDoubted(e, "dated before the parcel left: applied, to check", now)));
        var fresh = news.Except(future).ToList();
        if (fresh.Count == 0)
        {
            return events;
        }

        events.AddRange(fresh);
        if (ShipmentStatus.IsFinal(shipment.Status))
        {
            return events;
        }

        // The carrier's "label created" says nothing the shipment does not know, whatever its timestamp.
        var all = shipment.Tracking.Concat(fresh).Where(e => e.Status != ShipmentStatus.LabelCreated).OrderBy(e => e.At).ToList();
        if (all.Count == 0)
        {
            return events;
        }

        var final = all.FirstOrDefault(e => ShipmentStatus.IsFinal(e.Status));
        var current = final ?? all[^1];
        var held = all.FirstOrDefault(e => ShipmentStatus.IsHeld(e.Status));
        var holdUntil = shipment.HoldUntil ?? held?.At + PickupHold;
        if (held is not null && shipment.HoldUntil is null)
        {
            events.Add(new ParcelAvailableForPickup(shipment.OrderId, shipment.Id, shipment.Carrier, shipment.TrackingNumber,
                held.RelayId ?? shipment.PickupPointId, held.At, holdUntil!.Value));
        }

        if (current.Status != shipment.Status)
        {
            events.Add(new ShipmentStatusChanged(shipment.OrderId, shipment.Id, current.Status, current.At,
                ShipmentStatus.IsHeld(current.Status) ? holdUntil : null, shipment.ReturnId is not null));
            if (current.Status == ShipmentStatus.Delivered)
            {
                events.Add(new ParcelDelivered(shipment.OrderId, shipment.Id, current.At, shipment.ReturnId is not null));
            }
            else if (current.Status == ShipmentStatus.ReturnedToWarehouse && shipment.ReturnId is null)
            {
                events.Add(new ParcelReturnedToWarehouse(shipment.OrderId, shipment.Id, current.At, ParcelReturnedToWarehouse.ReturnedByCarrier,
                    shipment.Lines));
            }
        }

        return events;
    }

    /// <summary>
    /// Lines not shipped within their seller's own maximum delay (shown on the product), counted from the order's arrival at the
    /// warehouse [MP-08]; lines without a delay, shipped or missing are never late.
    /// </summary>
    public static IReadOnlyList<LateLine> LateLines(OrderToShip order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Lines
            .Where(line => line.ShipsWithinDays is { } days && order.LeftToShip(line) > 0 && order.HandedOffAt.AddDays(days) < now)
            .Select(line => new LateLine(order.Id, order.OrderNumber, line.LineId, line.Sku, line.SellerId, order.LeftToShip(line),
                order.HandedOffAt.AddDays(line.ShipsWithinDays!.Value)))
            .ToList();
    }

    /// <summary>Nobody collected the parcel within its 15 days: it goes back to the warehouse [FR-10, FR-11].</summary>
    /// <summary>
    /// A parcel the carrier has said nothing of for <paramref name="inquiryAfter"/> goes to an inquiry with the carrier; one still silent
    /// <paramref name="lostAfter"/> later is lost (<see cref="ParcelLost"/>: the order refunds it or sends it again) [ALL-07]. News in
    /// between closes the inquiry (the tracking moves the status on). A seller's own carrier has no tracking to be silent: its parcel is
    /// presumed delivered instead; a return parcel is the customer's to chase.
    /// </summary>
    public static IReadOnlyList<object> OnSilence(Shipment shipment, DateTimeOffset now, TimeSpan inquiryAfter, TimeSpan lostAfter)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.ReturnId is not null || OwnCarriers.IsOwn(shipment.Carrier))
        {
            return [];
        }

        if (shipment.Status is ShipmentStatus.LabelCreated or ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery
            && shipment.LastNewsAt + inquiryAfter <= now)
        {
            return [new InquiryOpened(shipment.LastNewsAt, now), new ShipmentStatusChanged(shipment.OrderId, shipment.Id, ShipmentStatus.Inquiry, now)];
        }

        return shipment.Status == ShipmentStatus.Inquiry && shipment.StatusAt + lostAfter <= now
            ?
            [
                new ParcelDeclaredLost(now), new ShipmentStatusChanged(shipment.OrderId, shipment.Id, ShipmentStatus.Lost, now),
                new ParcelLost(shipment.OrderId, shipment.Id, now, shipment.Lines),
            ]
            : [];
    }

    public static IReadOnlyList<object> OnHoldExpiry(Shipment shipment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return ShipmentStatus.IsHeld(shipment.Status) && shipment.HoldUntil is { } until && until <= now
            ?
            [
                new ShipmentStatusChanged(shipment.OrderId, shipment.Id, ShipmentStatus.ReturnedToWarehouse, until, ReturnParcel: shipment.ReturnId is not null),
                new ParcelReturnedToWarehouse(shipment.OrderId, shipment.Id, until, ParcelReturnedToWarehouse.Uncollected, shipment.Lines),
            ]
            : [];
    }
}
