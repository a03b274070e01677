using OrderPlatform.Contracts;

namespace OrderPlatform.Returns.Domain;

/// <summary>One line coming back: how many, why, and what they cost after their share of the order's discount.</summary>
public sealed record ReturnLine(string LineId, string Sku, string? ProductName, int Quantity, string Reason, long AmountCents, bool FinalSale);

/// <summary>
/// The customer asked to send these lines back. <paramref name="Withdrawal"/>: it is the legal withdrawal (L221-18), not the
/// shop's commercial return; its refund follows L221-24 whatever the shop's policy says.
/// </summary>
public sealed record ReturnRequested(Guid ReturnId, string ReturnNumber, Guid OrderId, string OrderNumber, Guid CustomerId, IReadOnlyList<ReturnLine> Lines,
    string RefundMethod, bool Withdrawal, string Carrier, long LabelCostCents, bool ReturnShippingRefunded, long OutboundDeliveryRefundCents,
    DateTimeOffset WindowEndsAt, DateTimeOffset At);

public sealed record ReturnLabelAttached(string TrackingNumber, string TrackingUrl, DateTimeOffset At);

/// <summary>Payment gave the money back.</summary>
public sealed record RefundConfirmed(long AmountCents, DateTimeOffset At);

/// <summary>Payment gave nothing back (nothing was charged, or nothing was left to give): the return ends without a refund.</summary>
public sealed record RefundNotGiven(string Reason, DateTimeOffset At);

/// <summary>The parcel never reached the warehouse in the time given to send it: the return ends and its units may be returned again.</summary>
public sealed record ReturnExpired(DateTimeOffset At);

/// <summary>The warehouse's verdict on one returned line.</summary>
public sealed record LineInspection(string LineId, bool Accepted, string? Note);

/// <summary>A return: the fold of its stream.</summary>
public sealed record CustomerReturn(
    Guid Id,
    string ReturnNumber,
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<ReturnLine> Lines,
    string RefundMethod,
    bool Withdrawal,
    string Carrier,
    long LabelCostCents,
    bool ReturnShippingRefunded,
    long OutboundDeliveryRefundCents,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset RequestedAt,
    string Status,
    string? TrackingNumber = null,
    string? TrackingUrl = null,
    DateTimeOffset? ReceivedAt = null,
    IReadOnlyList<LineInspection>? Inspection = null,
    long RefundCents = 0,
    DateTimeOffset? RefundDueBy = null,
    DateTimeOffset? RefundedAt = null)
{
    public const string AwaitingLabel = "awaiting-label";
    public const string Authorised = "authorised";
    public const string RefundPending = "refund-pending";
    public const string Refunded = "refunded";
    /// <summary>Every line was refused at inspection: nothing is refunded.</summary>
    public const string Rejected = "rejected";
    /// <summary>The parcel was not sent back in time: the return ended, its units are free for another.</summary>
    public const string Expired = "expired";
    /// <summary>Accepted, but Payment had nothing to give back for it (nothing charged, or already refunded).</summary>
    public const string NotRefunded = "not-refunded";

    public static CustomerReturn Create(ReturnRequested requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new CustomerReturn(requested.ReturnId, requested.ReturnNumber, requested.OrderId, requested.OrderNumber, requested.CustomerId, requested.Lines,
            requested.RefundMethod, requested.Withdrawal, requested.Carrier, requested.LabelCostCents, requested.ReturnShippingRefunded,
            requested.OutboundDeliveryRefundCents, requested.WindowEndsAt, requested.At, AwaitingLabel);
    }

    /// <summary>Open until the money is back or the return refused: the authorisation can be downloaded again meanwhile [FR-18].</summary>
    public bool Open => Status is AwaitingLabel or Authorised or RefundPending;

    public CustomerReturn Apply(ReturnLabelAttached attached) => this with
    {
        TrackingNumber = attached.TrackingNumber, TrackingUrl = attached.TrackingUrl, Status = Status == AwaitingLabel ? Authorised : Status,
    };

    public CustomerReturn Apply(ReturnInspected inspected) => this with
    {
        ReceivedAt = inspected.InspectedAt, RefundCents = inspected.RefundCents, RefundDueBy = inspected.RefundDueBy,
        Status = inspected.RefundCents > 0 ? RefundPending : Rejected,
    };

    public CustomerReturn Apply(InspectionRecorded recorded) => this with { Inspection = recorded.Lines };

    public CustomerReturn Apply(RefundConfirmed confirmed) => this with { Status = Refunded, RefundedAt = confirmed.At };

    public CustomerReturn Apply(RefundNotGiven notGiven) => this with { Status = NotRefunded, RefundedAt = notGiven.At };

    public CustomerReturn Apply(ReturnExpired expired) => this with { Status = Expired };

    public CustomerReturn Next(object @event) => @event switch
    {
        ReturnLabelAttached e => Apply(e),
        InspectionRecorded e => Apply(e),
        ReturnInspected e => Apply(e),
        RefundConfirmed e => Apply(e),
        RefundNotGiven e => Apply(e),
        ReturnExpired e => Apply(e),
        ReturnLabelRequested or ReturnAuthorised or RefundRequested => this,
        _ => throw new ArgumentException($"A return has no {@event?.GetType().Name} event.", nameof(@event)),
    };
}

/// <summary>The warehouse's notes per line, kept with the return.</summary>
public sealed record InspectionRecorded(IReadOnlyList<LineInspection> Lines, DateTimeOffset At);
