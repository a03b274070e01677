namespace OrderPlatform.Contracts;

// A return's steps. Returns publishes them; Shipping books the return label; Notification tells the customer.

/// <summary>Returns needs a return label for the parcel the customer sends back, from <paramref name="From"/> to the warehouse.</summary>
public sealed record ReturnLabelRequested(Guid ReturnId, Guid OrderId, string ReturnNumber, string Carrier, PostalAddress From, int Items,
    DateTimeOffset RequestedAt) : IIntegrationEvent;

/// <summary>The carrier booked the return label; the PDF travels with it (Colissimo sends it, Mondial Relay's is fetched).</summary>
public sealed record ReturnLabelBooked(Guid ReturnId, Guid OrderId, string Carrier, string TrackingNumber, string TrackingUrl, byte[]? LabelPdf,
    DateTimeOffset BookedAt) : IIntegrationEvent;

/// <summary>The return is authorised: the printable authorisation with its label, for the confirmation e-mail [FR-12].</summary>
public sealed record ReturnAuthorised(Guid ReturnId, string ReturnNumber, Guid OrderId, string OrderNumber, Guid CustomerId, long LabelCostCents,
    string RefundMethod, byte[] AuthorisationPdf, DateTimeOffset AuthorisedAt) : IIntegrationEvent;

/// <summary>
/// The warehouse received and inspected the return: what is refunded, and by when [FR-13]; each refused line with the reason the
/// customer is told [FR-33].
/// </summary>
public sealed record ReturnInspected(Guid ReturnId, string ReturnNumber, Guid OrderId, Guid CustomerId, IReadOnlyList<string> AcceptedLines,
    IReadOnlyList<string> RejectedLines, long RefundCents, DateTimeOffset? RefundDueBy, DateTimeOffset InspectedAt,
    IReadOnlyList<RefusedReturnLine>? Refusals = null) : IIntegrationEvent;

public sealed record RefusedReturnLine(string LineId, string? ProductName, string Reason);

/// <summary>
/// Operations decided a customer's claim [FR-04, FR-05, JI-12, JI-13]: refunded (<paramref name="RefundCents"/>), a replacement sent, or
/// refused with <paramref name="Note"/> as the reason. Notification tells the customer [FR-33].
/// </summary>
public sealed record ClaimSettled(Guid ClaimId, Guid OrderId, string OrderNumber, Guid CustomerId, string Kind, string Outcome, long RefundCents,
    string? Note, DateTimeOffset SettledAt) : IIntegrationEvent
{
    public const string Refund = "refund";
    public const string Replacement = "replacement";
    public const string Refused = "refused";
}
