using OrderPlatform.Contracts;

namespace OrderPlatform.Payment.Domain;

// What happened to an order's payment, in Payment's stream for the order. These stay inside Payment;
// the integration events beside them (PaymentAuthorized, PaymentRefused, PaymentCaptured,
// PaymentVoided, PaymentRefunded, PaymentEscalated) are what the outbox publishes.

/// <summary>An order to pay: its lines and amounts as checkout priced them, the method and the PSP token.</summary>
public sealed record PaymentRequested(Guid OrderId, string OrderNumber, Guid CustomerId, IReadOnlyList<OrderedLine> Lines, long ShippingFeeCents,
    long TotalCents, string Method, string? Token, DateTimeOffset At);

/// <summary>
/// The PSP's payment behind the authorisation, and until when it can be captured; when store credit pays
/// first, its hold (<paramref name="CreditPaymentId"/>, <paramref name="CreditCents"/>) is part of <paramref name="AmountCents"/>.
/// </summary>
public sealed record AuthorisationObtained(string PspPaymentId, long AmountCents, DateTimeOffset? ExpiresAt, string? Brand, string? Last4, DateTimeOffset At,
    string? CreditPaymentId = null, long CreditCents = 0);

/// <summary>Money moved on the store-credit part of a split payment: "capture", "void" or "refund".</summary>
public sealed record CreditTenderMoved(string Kind, long AmountCents, DateTimeOffset At);

/// <summary>
/// After an escalation, the customer authorised what is still to be charged with another card: the old authorisation, lapsed, was released.
/// </summary>
public sealed record AuthorisationReplaced(string PspPaymentId, string PreviousPspPaymentId, long AmountCents, DateTimeOffset? ExpiresAt, string? Brand,
    string? Last4, DateTimeOffset At);

/// <summary>The authorisation was renewed with the stored token before capture.</summary>
public sealed record AuthorisationRenewed(DateTimeOffset? ExpiresAt, DateTimeOffset At);

/// <summary>The lines that will be delivered, once the order is confirmed: the others are never charged [FR-07].</summary>
public sealed record DeliverableLinesRecorded(IReadOnlyList<string> LineIds, DateTimeOffset At);

/// <summary>A shipment left with these quantities.</summary>
public sealed record ShipmentRecorded(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset At);

/// <summary>The customer changed the order before hand-off [JI-06]: its lines, fee and total as they now stand.</summary>
public sealed record TermsChanged(int Sequence, IReadOnlyList<OrderedLine> Lines, long ShippingFeeCents, long TotalCents, DateTimeOffset At);

/// <summary>A refund gave back these units: a line is never refunded for more units than shipped [ALL-02].</summary>
public sealed record LinesRefunded(string RefundId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset At);

/// <summary>These lines were found missing and will never ship [FR-07].</summary>
public sealed record LinesMissingRecorded(IReadOnlyList<string> LineIds, DateTimeOffset At);

/// <summary>Charged at order, this much was given back for lines found missing (and the fee when nothing shipped) [ALL-01].</summary>
public sealed record MissingLinesRefunded(long AmountCents, DateTimeOffset At);
