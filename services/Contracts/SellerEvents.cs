namespace OrderPlatform.Contracts;

/// <summary>
/// Operations certified a company's application to sell on the marketplace [MP-01]: it is now the seller <paramref name="SellerId"/>, and the
/// account that applied (<paramref name="ApplicantId"/>) becomes its first person, who may add colleagues; <paramref name="ContactEmail"/> is
/// where the platform writes to the company (new messages from buyers, reports).
/// </summary>
public sealed record SellerCertified(string SellerId, string SellerName, Guid ApplicationId, Guid ApplicantId, DateTimeOffset CertifiedAt,
    string? ContactEmail = null) : IIntegrationEvent;

/// <summary>
/// A message was written in a buyer–seller conversation [MP-09]: Notification e-mails the other side (the seller's contact when the
/// buyer wrote, the buyer otherwise) with a link to read it. The text stays in Ordering: what it says may be personal.
/// </summary>
public sealed record ConversationMessagePosted(Guid ConversationId, Guid MessageId, string From, Guid BuyerId, string SellerId, string? OrderNumber,
    string? ProductName, DateTimeOffset At) : IIntegrationEvent;

/// <summary>
/// A seller has not shipped these lines within the delay shown on the product [MP-08]: the buyer and the seller are told, once per line
/// (operations see every late line at <c>GET /api/ops/shipping/late</c>).
/// </summary>
public sealed record SellerLinesLate(Guid OrderId, string OrderNumber, Guid? CustomerId, string SellerId, IReadOnlyList<LateLineNotice> Lines,
    DateTimeOffset At) : IIntegrationEvent;

public sealed record LateLineNotice(string LineId, string? ProductName, int LeftToShip, DateTimeOffset DueBy);

/// <summary>
/// A marketplace report was opened or moved on [MP-11]: Notification tells the seller of an order problem waiting for its answer (by
/// <paramref name="AnswerBy"/>), and the reporter of the seller's answer, the platform taking it over, and its closing. What was written
/// stays in Ordering.
/// </summary>
public sealed record ReportChanged(Guid ReportId, string Kind, string Status, string Owner, Guid ReporterId, string? SellerId, Guid? OrderId,
    string? OrderNumber, DateTimeOffset? AnswerBy, int Step, DateTimeOffset At) : IIntegrationEvent;
