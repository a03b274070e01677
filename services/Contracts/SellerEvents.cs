namespace OrderPlatform.Contracts;

/// <summary>
/// Operations certified a company's application to sell on the marketplace [MP-01]: it is now the seller <paramref name="SellerId"/>, and the
/// account that applied (<paramref name="ApplicantId"/>) becomes its first person, who may add colleagues.
/// </summary>
public sealed record SellerCertified(string SellerId, string SellerName, Guid ApplicationId, Guid ApplicantId, DateTimeOffset CertifiedAt) : IIntegrationEvent;
