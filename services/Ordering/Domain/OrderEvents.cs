namespace OrderPlatform.Ordering.Domain;

// What happened to an order, as Ordering records it in the order's stream. These stay inside Ordering;
// the integration events appended beside them (OrderPlaced, OrderConfirmed, OrderHandedToLogistics,
// OrderCancelled) are what the outbox publishes.

/// <summary>Catalog set these lines' stock aside (at checkout, or when a backorder was restocked).</summary>
public sealed record StockReservedForLines(IReadOnlyList<string> LineIds, DateTimeOffset At);

/// <summary>These lines cannot be delivered: out of stock at reservation, or found missing at preparation [FR-07].</summary>
public sealed record LinesUnavailable(IReadOnlyList<string> LineIds, string Reason, DateTimeOffset At)
{
    public const string OutOfStock = "out-of-stock";
    public const string FoundMissing = "found-missing";
}

/// <summary>These lines wait for a restock [JI-09].</summary>
public sealed record LinesBackordered(IReadOnlyList<string> LineIds, DateTimeOffset At);

/// <summary>The return window closed after delivery: nothing more is expected of the order.</summary>
public sealed record OrderCompleted(DateTimeOffset At);

public sealed record PaymentAuthorizationRecorded(long AmountCents, string Method, DateTimeOffset At);

/// <summary>The payment was refused with this decline code [JI-03]; the order ends here [FR-27].</summary>
public sealed record PaymentRefusalRecorded(string DeclineCode, DateTimeOffset At);

/// <summary>The order is confirmed and complete in stock: it goes to logistics at <paramref name="DueAt"/>.</summary>
public sealed record HandOffScheduled(DateTimeOffset DueAt, DateTimeOffset At);

public sealed record ShipmentRecorded(Guid ShipmentId, IReadOnlyList<ShipmentLine> Lines, string? Carrier, string? TrackingNumber, string? TrackingUrl,
    DateTimeOffset At, bool Replacement = false);

/// <summary>The parcel came back to the warehouse [FR-10, FR-11]; unless ops send it again, it is refunded at <paramref name="SettleBy"/>.</summary>
public sealed record ParcelCameBack(Guid ShipmentId, string Reason, DateTimeOffset At, DateTimeOffset SettleBy);

/// <summary>What became of a parcel that came back: sent again, or refunded (<paramref name="RefundCents"/>).</summary>
public sealed record ReturnedParcelSettled(Guid ShipmentId, string Outcome, long RefundCents, string By, DateTimeOffset At)
{
    public const string Reshipped = "reshipped";
    public const string Refunded = "refunded";
}

public sealed record ShipmentLine(string LineId, int Quantity);

/// <summary>The carrier delivered this shipment.</summary>
/// <summary>The carrier's news about a shipment: its status, since when, and until when it waits for collection.</summary>
public sealed record ShipmentStatusRecorded(Guid ShipmentId, string Status, DateTimeOffset At, DateTimeOffset? HoldUntil);

public sealed record DeliveryRecorded(Guid ShipmentId, DateTimeOffset At);

/// <summary>Payment could not renew the authorisation: the order must not go to logistics unpaid until someone sorts it out.</summary>
public sealed record PaymentIssueRecorded(string Reason, DateTimeOffset At);

/// <summary>The payment issue was settled (paid again, renewed, or nothing more to charge): the order may go on.</summary>
public sealed record PaymentIssueCleared(string How, DateTimeOffset At);

public sealed record CaptureRecorded(long AmountCents, DateTimeOffset At);

public sealed record RefundRecorded(long AmountCents, DateTimeOffset At);
