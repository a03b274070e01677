using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record CustomerClaim(Guid Id, Guid OrderId, string OrderNumber, Guid CustomerId, string Kind, string? LineId, string? TrackingNumber,
    bool HasPhoto, string? Description, DateTimeOffset FiledAt, string Status, string? Outcome = null, long RefundCents = 0, string? ResolutionNote = null);

/// <summary>Returns' ops API: claims waiting for a decision, and the decision.</summary>
public sealed class ReturnsApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    public Task<Answer<IReadOnlyList<CustomerClaim>>> OpenClaimsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<CustomerClaim>>(HttpMethod.Get, "/api/ops/returns/claims", null, cancellationToken);

    /// <summary>Settles a claim: a refund (of <paramref name="lineId"/> when the claim names no line, up to <paramref name="amountCents"/>),
    /// a replacement, or a refusal; <paramref name="note"/> is written to the customer and kept as the operator's reason.</summary>
    public Task<Answer<CustomerClaim>> ResolveAsync(Guid claimId, string outcome, long? amountCents, string note, string? lineId,
        string? freshToken, CancellationToken cancellationToken) =>
        SendAsync<CustomerClaim>(HttpMethod.Post, $"/api/ops/returns/claims/{claimId}/resolution", new { outcome, amountCents, note, lineId },
            cancellationToken, note, freshToken: freshToken);

    /// <summary>The claim's photo, for the page's image (served by the back office under the operator's session).</summary>
    public Task<(byte[] Content, string ContentType)?> PhotoAsync(Guid claimId, string accessToken, CancellationToken cancellationToken) =>
        FileAsync($"/api/claims/{claimId}/photo", accessToken, "application/octet-stream", cancellationToken);
}
