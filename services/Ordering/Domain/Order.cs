using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>An order: the fold of its event stream, nothing else. Marten keeps it as an inline snapshot.</summary>
public sealed record Order(
    Guid Id,
    string OrderNumber,
    Guid CustomerId,
    string Status,
    DateTimeOffset StatusSince,
    IReadOnlyList<OrderLine> Lines,
    OrderAmounts Amounts,
    OrderDelivery? Delivery,
    PostalAddress? DeliveryAddress,
    PostalAddress? BillingAddress,
    string? PaymentMethod,
    string? PromoCode,
    DateTimeOffset PlacedAt,
    IReadOnlyList<StatusChange> StatusHistory,
    IReadOnlyList<OrderShipment> Shipments,
    bool Confirmed = false,
    long AuthorizedCents = 0,
    long CapturedCents = 0,
    long RefundedCents = 0,
    string? DeclineCode = null,
    DateTimeOffset? HandOffDueAt = null,
    IReadOnlyList<string>? Invoices = null,
    DeliveryWindow? EstimatedDelivery = null,
    string? PaymentIssue = null,
    IReadOnlyList<OrderModification>? Modifications = null,
    DateTimeOffset? SettleParcelsBy = null)
{
    public bool PaymentAuthorized => AuthorizedCents > 0;

    public OrderLine? Line(string lineId) => Lines.FirstOrDefault(line => line.LineId == lineId);

    public static Order Create(OrderPlaced placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        return new Order(placed.OrderId, placed.OrderNumber, placed.CustomerId, OrderStatus.Placed, placed.PlacedAt,
            placed.Lines.Select(line => new OrderLine(line.LineId, line.Sku, line.Quantity, line.UnitPriceCents, line.DiscountCents,
                line.ProductName, line.SellerId, LineStatus.Pending, 0, line.ShipsWithinDays, line.FinalSale)).ToList(),
            placed.Amounts ?? new OrderAmounts(0, 0, 0, 0), placed.Delivery, placed.DeliveryAddress, placed.BillingAddress,
            placed.Payment?.Method, placed.PromoCode, placed.PlacedAt, [new StatusChange(OrderStatus.Placed, placed.PlacedAt)], [],
            EstimatedDelivery: placed.EstimatedDelivery);
    }

    public Order Apply(StockReservedForLines reserved) =>
        WithLines(reserved.LineIds, line => line with { Status = LineStatus.Reserved });

    /// <summary>Lines that will never ship; when the rest has shipped already, the order is shipped.</summary>
    /// <summary>
    /// Lines found missing never ship: a line partly shipped is shipped as far as it went (the rest is never charged). Once nothing is left
    /// to ship, a partly shipped order is shipped, or delivered when every parcel has already arrived (two sellers' parcels, say) [ALL-07].
    /// </summary>
    public Order Apply(LinesUnavailable unavailable)
    {
        var order = WithLines(unavailable.LineIds, line => line with { Status = line.ShippedQuantity > 0 ? LineStatus.Shipped : LineStatus.Unavailable });
        if (order.Status != OrderStatus.PartiallyShipped || !order.EverythingShipped)
        {
            return order;
        }

        return order.Enter(order.AllLiveParcelsDelivered ? OrderStatus.Delivered : OrderStatus.Shipped, unavailable.At);
    }

    public Order Apply(LinesBackordered backordered) =>
        WithLines(backordered.LineIds, line => line with { Status = LineStatus.Backordered });

    public Order Apply(PaymentAuthorizationRecorded authorized) => this with { AuthorizedCents = authorized.AmountCents };

    public Order Apply(PaymentRefusalRecorded refused) =>
        (this with { DeclineCode = refused.DeclineCode }).Enter(OrderStatus.PaymentRefused, refused.At);

    public Order Apply(OrderConfirmed confirmed) =>
        (this with { Confirmed = true }).Enter(confirmed.AwaitingRestock ? OrderStatus.Backordered : OrderStatus.Confirmed, confirmed.ConfirmedAt);

    /// <summary>The customer changed the order before hand-off [JI-06]: lines taken out are cancelled, the rest re-priced.</summary>
    public Order Apply(OrderModified modified)
    {
        var lines = Lines.Select(line => modified.Lines.FirstOrDefault(changed => changed.LineId == line.LineId) is { } changed && changed.Quantity != line.Quantity
            ? line with { Quantity = changed.Quantity, DiscountCents = changed.DiscountCents, Status = changed.Quantity == 0 ? LineStatus.Cancelled : line.Status }
            : line).ToList();
        var modification = new OrderModification(modified.Sequence, modified.ModifiedAt, Amounts.TotalCents, modified.Amounts.TotalCents,
            OrderModifications.Describe(this, lines, modified.Delivery, modified.DeliveryAddress));
        return this with
        {
            Lines = lines, Amounts = modified.Amounts, Delivery = modified.Delivery, DeliveryAddress = modified.DeliveryAddress,
            Modifications = [.. Modifications ?? [], modification],
        };
    }

    public Order Apply(HandOffScheduled scheduled) => (this with { HandOffDueAt = scheduled.DueAt }).Enter(OrderStatus.Confirmed, scheduled.At);

    public Order Apply(OrderHandedToLogistics handedOff) => (this with { HandOffDueAt = null }).Enter(OrderStatus.Preparing, handedOff.HandedOffAt);

    public Order Apply(ShipmentRecorded shipment)
    {
        var recorded = new OrderShipment(shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl, shipment.Lines, shipment.At,
            Status: "label-created", Replacement: shipment.Replacement);
        if (shipment.Replacement)
        {
            // Sent again: the lines were counted with the first parcel. An order waiting for it is shipped again; a delivered one stays so.
            var again = this with { Shipments = [.. Shipments, recorded] };
            return again.Status is OrderStatus.Preparing && !again.AwaitingSettlement ? again.Enter(OrderStatus.Shipped, shipment.At) : again;
        }

        var shipped = Lines.Select(line => shipment.Lines.FirstOrDefault(sent => sent.LineId == line.LineId) is { } sent
            ? line with
            {
                ShippedQuantity = Math.Min(line.Quantity, line.ShippedQuantity + sent.Quantity),
                Status = line.ShippedQuantity + sent.Quantity >= line.Quantity ? LineStatus.Shipped : LineStatus.PartiallyShipped,
            }
            : line).ToList();
        var order = this with { Lines = shipped, Shipments = [.. Shipments, recorded] };
        return order.Enter(order.EverythingShipped ? OrderStatus.Shipped : OrderStatus.PartiallyShipped, shipment.At);
    }

    /// <summary>
    /// The order is delivered when everything that can ship has shipped and every parcel still on its way has arrived; a parcel
    /// back at the warehouse waits for its settlement first.
    /// </summary>
    public Order Apply(DeliveryRecorded delivered)
    {
        var order = this with
        {
            Shipments = Shipments.Select(shipment => shipment.ShipmentId == delivered.ShipmentId ? shipment with { DeliveredAt = delivered.At } : shipment).ToList(),
        };
        return order.Status == OrderStatus.Shipped && order.AllLiveParcelsDelivered ? order.Enter(OrderStatus.Delivered, delivered.At) : order;
    }

    public Order Apply(ParcelCameBack back) =>
        (this with
        {
            Shipments = Shipments.Select(shipment => shipment.ShipmentId == back.ShipmentId
                ? shipment with { ReturnedAt = back.At, SettleBy = back.SettleBy }
                : shipment).ToList(),
        }).WithSettleBy().Enter(back.Reason == OrderStatus.LostReason ? OrderStatus.ParcelLost : OrderStatus.ReturnedToWarehouse, back.At);

    /// <summary>
    /// When the earliest parcel back at the warehouse and not yet settled must be refunded: kept on the order whatever its status (the rest
    /// of the order may ship after a parcel came back), so that the deadline scan finds it.
    /// </summary>
    private Order WithSettleBy() => this with
    {
        SettleParcelsBy = Shipments.Where(shipment => shipment is { ReturnedAt: not null, Settlement: null }).Min(shipment => shipment.SettleBy),
    };

    /// <summary>
    /// Sent again, the order waits for the new parcel (preparing); refunded, it is delivered if the rest reached the customer,
    /// refunded if nothing did, shipped while other parcels travel.
    /// </summary>
    public Order Apply(ReturnedParcelSettled settled)
    {
        var order = (this with
        {
            Shipments = Shipments.Select(shipment => shipment.ShipmentId == settled.ShipmentId ? shipment with { Settlement = settled.Outcome } : shipment)
                .ToList(),
        }).WithSettleBy();
        if (order.AwaitingSettlement)
        {
            return order;
        }

        var live = order.Shipments.Where(shipment => shipment.ReturnedAt is null).ToList();
        var sentAgain = order.Shipments.Count(shipment => shipment.Settlement == ReturnedParcelSettled.Reshipped);
        var next = sentAgain > live.Count(shipment => shipment.Replacement) ? OrderStatus.Preparing
            : live.Count == 0 ? OrderStatus.Refunded
            : order.AllLiveParcelsDelivered ? OrderStatus.Delivered
            : OrderStatus.Shipped;
        return order.Enter(next, settled.At);
    }

    /// <summary>A parcel came back and nobody has decided yet whether it is sent again or refunded.</summary>
    public bool AwaitingSettlement => Shipments.Any(shipment => shipment.ReturnedAt is not null && shipment.Settlement is null);

    /// <summary>Every line that can ship has shipped and every parcel not sent back has arrived.</summary>
    private bool AllLiveParcelsDelivered => EverythingShipped
        && Shipments.Where(shipment => shipment.ReturnedAt is null).ToList() is { Count: > 0 } live && live.All(shipment => shipment.DeliveredAt is not null);

    public Order Apply(ShipmentStatusRecorded recorded) => this with
    {
        Shipments = Shipments.Select(shipment => shipment.ShipmentId == recorded.ShipmentId
            ? shipment with { Status = recorded.Status, StatusAt = recorded.At, HoldUntil = recorded.HoldUntil }
            : shipment).ToList(),
    };

    public Order Apply(OrderCompleted completed) => Enter(OrderStatus.Completed, completed.At);

    public Order Apply(PaymentIssueRecorded issue) => this with { PaymentIssue = issue.Reason };

    public Order Apply(PaymentIssueCleared cleared) => this with { PaymentIssue = null };

    public Order Apply(CaptureRecorded captured) => this with { CapturedCents = CapturedCents + captured.AmountCents };

    public Order Apply(RefundRecorded refunded) => this with { RefundedCents = RefundedCents + refunded.AmountCents };

    public Order Apply(InvoiceIssued issued) => this with { Invoices = [.. Invoices ?? [], issued.InvoiceNumber] };

    public Order Apply(OrderCancelled cancelled) =>
        WithLines(Lines.Where(line => line.Status != LineStatus.Unavailable).Select(line => line.LineId).ToList(),
            line => line with { Status = LineStatus.Cancelled }).Enter(OrderStatus.Cancelled, cancelled.CancelledAt);

    /// <summary>Every line that can ship has shipped: the rest were unavailable.</summary>
    public bool EverythingShipped => Lines.All(line => line.Status is LineStatus.Shipped or LineStatus.Unavailable or LineStatus.Cancelled)
        && Lines.Any(line => line.Status == LineStatus.Shipped);

    /// <summary>
    /// The order after any of its events, for decisions and tests. Marten calls the Apply methods itself; this
    /// must not be named Evolve, which Marten's source generator would take for the whole fold.
    /// </summary>
    public Order Next(object @event) => @event switch
    {
        StockReservedForLines e => Apply(e),
        LinesUnavailable e => Apply(e),
        LinesBackordered e => Apply(e),
        PaymentAuthorizationRecorded e => Apply(e),
        PaymentRefusalRecorded e => Apply(e),
        OrderConfirmed e => Apply(e),
        OrderModified e => Apply(e),
        HandOffScheduled e => Apply(e),
        OrderHandedToLogistics e => Apply(e),
        ShipmentRecorded e => Apply(e),
        DeliveryRecorded e => Apply(e),
        ParcelCameBack e => Apply(e),
        ReturnedParcelSettled e => Apply(e),
        ShipmentStatusRecorded e => Apply(e),
        OrderCompleted e => Apply(e),
        PaymentIssueRecorded e => Apply(e),
        PaymentIssueCleared e => Apply(e),
        CaptureRecorded e => Apply(e),
        RefundRecorded e => Apply(e),
        OrderCancelled e => Apply(e),
        InvoiceIssued e => Apply(e),
        RefundRequested or ReplacementShipmentRequested => this, // asks of other services: the order changes when they answer
        _ => throw new ArgumentException($"An order has no {@event?.GetType().Name} event.", nameof(@event)),
    };

    private Order WithLines(IReadOnlyCollection<string> lineIds, Func<OrderLine, OrderLine> change) =>
        this with { Lines = Lines.Select(line => lineIds.Contains(line.LineId) ? change(line) : line).ToList() };

    private Order Enter(string status, DateTimeOffset at) => status == Status
        ? this
        : this with { Status = status, StatusSince = at, StatusHistory = [.. StatusHistory, new StatusChange(status, at)] };
}

/// <summary>One line as the order tracks it: what was bought, at what price, and where it stands.</summary>
public sealed record OrderLine(string LineId, string Sku, int Quantity, long UnitPriceCents, long DiscountCents, string? ProductName, string? SellerId,
    string Status, int ShippedQuantity, int? ShipsWithinDays = null, bool FinalSale = false)
{
    public OrderedLine AsOrdered() => new(LineId, Sku, Quantity, UnitPriceCents, DiscountCents, ProductName, SellerId, ShipsWithinDays, FinalSale);
}

/// <param name="ReturnedAt">When the parcel came back to the warehouse; <paramref name="SettleBy"/> when it is refunded unless sent again.</param>
/// <param name="Settlement">What became of it: reshipped or refunded.</param>
/// <param name="Replacement">The parcel sends again lines that shipped before: it charged nothing.</param>
public sealed record OrderShipment(Guid ShipmentId, string? Carrier, string? TrackingNumber, string? TrackingUrl, IReadOnlyList<ShipmentLine> Lines,
    DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt = null, string? Status = null, DateTimeOffset? StatusAt = null, DateTimeOffset? HoldUntil = null,
    DateTimeOffset? ReturnedAt = null, DateTimeOffset? SettleBy = null, string? Settlement = null, bool Replacement = false);

/// <summary>When the order entered a status: the timestamped history the customer sees [JI-08].</summary>
public sealed record StatusChange(string Status, DateTimeOffset At);
