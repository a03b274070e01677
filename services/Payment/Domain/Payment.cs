using OrderPlatform.Contracts;

namespace OrderPlatform.Payment.Domain;

/// <summary>An order's payment: the fold of its stream in Payment. Money in euro cents.</summary>
public sealed record Payment(
    Guid Id,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    long ShippingFeeCents,
    long TotalCents,
    string Method,
    string? Token,
    string Status,
    DateTimeOffset RequestedAt,
    string? PspPaymentId = null,
    string? DeclineCode = null,
    long AuthorizedCents = 0,
    long CapturedCents = 0,
    long RefundedCents = 0,
    long VoidedCents = 0,
    bool ShippingCaptured = false,
    DateTimeOffset? AuthorizationExpiresAt = null,
    string? Brand = null,
    string? Last4 = null,
    IReadOnlyList<string>? Deliverable = null,
    IReadOnlyList<ShippedLine>? Shipped = null,
    IReadOnlyList<Guid>? Shipments = null,
    IReadOnlyList<Guid>? CapturedShipments = null,
    IReadOnlyList<string>? Missing = null,
    string? Escalation = null,
    string? CreditPaymentId = null,
    long CreditAuthorizedCents = 0,
    long CreditCapturedCents = 0,
    long CreditRefundedCents = 0,
    long CreditVoidedCents = 0,
    long RefundedAsCreditCents = 0,
    long RefundedForMissingCents = 0,
    int TermsChanges = 0,
    long? ModifiedTotalCents = null,
    DateTimeOffset? LastCapturedAt = null,
    IReadOnlyList<ShippedLine>? RefundedLines = null)
{
    public const string Requested = "requested";
    public const string Authorized = "authorized";
    public const string Refused = "refused";
    public const string Escalated = "escalated";
    /// <summary>Everything authorised was captured, or the rest released: nothing more will be charged.</summary>
    public const string Closed = "closed";

    public static Payment Create(PaymentRequested requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new Payment(requested.OrderId, requested.OrderNumber, requested.CustomerId, requested.Lines, requested.ShippingFeeCents, requested.TotalCents,
            requested.Method, requested.Token, Requested, requested.At);
    }

    public Payment Apply(AuthorisationObtained obtained) => this with
    {
        Status = Authorized, PspPaymentId = obtained.PspPaymentId, AuthorizedCents = obtained.AmountCents, AuthorizationExpiresAt = obtained.ExpiresAt,
        Brand = obtained.Brand, Last4 = obtained.Last4, CreditPaymentId = obtained.CreditPaymentId, CreditAuthorizedCents = obtained.CreditCents,
    };

    public Payment Apply(CreditTenderMoved moved) => moved.Kind switch
    {
        "capture" => this with { CreditCapturedCents = CreditCapturedCents + moved.AmountCents },
        "void" => this with { CreditVoidedCents = CreditVoidedCents + moved.AmountCents },
        _ => this with { CreditRefundedCents = CreditRefundedCents + moved.AmountCents },
    };

    /// <summary>What the store-credit part still holds, captured first.</summary>
    public long CreditUncaptured => CreditAuthorizedCents - CreditCapturedCents - CreditVoidedCents;

    public Payment Apply(PaymentRefused refused) => this with { Status = Refused, DeclineCode = refused.DeclineCode };

    public Payment Apply(AuthorisationRenewed renewed) => this with { AuthorizationExpiresAt = renewed.ExpiresAt };

    public Payment Apply(DeliverableLinesRecorded deliverable) => this with { Deliverable = deliverable.LineIds };

    public Payment Apply(ShipmentRecorded shipment) => this with
    {
        Shipped = [.. Shipped ?? [], .. shipment.Lines],
        Shipments = [.. Shipments ?? [], shipment.ShipmentId],
    };

    public Payment Apply(LinesMissingRecorded missing) => this with { Missing = [.. Missing ?? [], .. missing.LineIds] };

    public Payment Apply(PaymentCaptured captured) => this with
    {
        Status = CapturedCents + captured.AmountCents >= AuthorizedCents - VoidedCents ? Closed : Status,
        CapturedCents = CapturedCents + captured.AmountCents,
        LastCapturedAt = captured.CapturedAt,
        ShippingCaptured = true, // the first capture always includes the shipping fee
        CapturedShipments = captured.ShipmentId is { } shipment ? [.. CapturedShipments ?? [], shipment] : CapturedShipments,
    };

    public Payment Apply(PaymentVoided voided) => this with { VoidedCents = VoidedCents + voided.ReleasedCents, Status = Closed };

    public Payment Apply(PaymentRefunded refunded) => this with
    {
        RefundedCents = RefundedCents + refunded.AmountCents,
        RefundedAsCreditCents = RefundedAsCreditCents + (refunded.Destination == "store-credit" ? refunded.AmountCents : 0),
    };

    public Payment Apply(TermsChanged changed) => this with
    {
        Lines = changed.Lines, ShippingFeeCents = changed.ShippingFeeCents, TermsChanges = changed.Sequence, ModifiedTotalCents = changed.TotalCents,
    };

    public Payment Apply(LinesRefunded refunded) => this with { RefundedLines = [.. RefundedLines ?? [], .. refunded.Lines] };

    public Payment Apply(MissingLinesRefunded refunded) => this with { RefundedForMissingCents = RefundedForMissingCents + refunded.AmountCents };

    public Payment Apply(PaymentEscalated escalated) => this with { Status = Escalated, Escalation = escalated.Reason };

    /// <summary>Paid again or renewed, the payment can be captured again; released, it is closed (its void says so).</summary>
    public Payment Apply(PaymentEscalationResolved resolved) => this with
    {
        Status = resolved.How == PaymentEscalationResolved.Released ? Status : Authorized,
        Escalation = null,
    };

    /// <summary>The customer paid again with another card: the new authorisation replaces the lapsed one.</summary>
    public Payment Apply(AuthorisationReplaced replaced) => this with
    {
        PspPaymentId = replaced.PspPaymentId, AuthorizationExpiresAt = replaced.ExpiresAt, Brand = replaced.Brand, Last4 = replaced.Last4,
    };

    /// <summary>
    /// The payment after any of its events, for decisions within one session (Marten calls the Apply methods
    /// itself; this must not be named Evolve, which Marten's source generator would take for the whole fold).
    /// </summary>
    public Payment Next(object @event) => @event switch
    {
        AuthorisationObtained e => Apply(e),
        PaymentRefused e => Apply(e),
        AuthorisationRenewed e => Apply(e),
        CreditTenderMoved e => Apply(e),
        DeliverableLinesRecorded e => Apply(e),
        ShipmentRecorded e => Apply(e),
        LinesMissingRecorded e => Apply(e),
        PaymentCaptured e => Apply(e),
        PaymentVoided e => Apply(e),
        PaymentRefunded e => Apply(e),
        MissingLinesRefunded e => Apply(e),
        LinesRefunded e => Apply(e),
        TermsChanged e => Apply(e),
        PaymentEscalated e => Apply(e),
        PaymentEscalationResolved e => Apply(e),
        AuthorisationReplaced e => Apply(e),
        PaymentAuthorized or PaymentRequested or RefundDeclined => this,
        _ => throw new ArgumentException($"A payment has no {@event?.GetType().Name} event.", nameof(@event)),
    };

    /// <summary>How many units of a line refunds have given back so far.</summary>
    public int RefundedQuantity(string lineId) => (RefundedLines ?? []).Where(line => line.LineId == lineId).Sum(line => line.Quantity);

    /// <summary>How many of a line have shipped so far.</summary>
    public int ShippedQuantity(string lineId) => (Shipped ?? []).Where(line => line.LineId == lineId).Sum(line => line.Quantity);

    /// <summary>Every line that can ship has shipped, or was found missing, or was never deliverable: nothing more will be captured.</summary>
    public bool Complete => Lines.All(line =>
        (Missing ?? []).Contains(line.LineId)
        || (Deliverable is not null && !Deliverable.Contains(line.LineId))
        || ShippedQuantity(line.LineId) >= line.Quantity);

    /// <summary>What is authorised and neither captured nor released.</summary>
    public long Uncaptured => AuthorizedCents - CapturedCents - VoidedCents;
}
