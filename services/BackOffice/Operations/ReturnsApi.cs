using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record CustomerClaim(Guid Id, Guid OrderId, string OrderNumber, Guid CustomerId, string Kind, string? LineId, string? TrackingNumber,
    bool HasPhoto, string? Description, DateTimeOffset FiledAt, string Status, string? Outcome = null, long RefundCents = 0, string? ResolutionNote = null);

/// <summary>A line sent back, and what the customer said of it.</summary>
public sealed record ReturnedLine(string LineId, string Sku, string? ProductName, int Quantity, string Reason, long AmountCents, bool FinalSale);

/// <summary>What the warehouse found, line by line.</summary>
public sealed record LineInspection(string LineId, bool Accepted, string? Note);

public sealed record CustomerReturnView(Guid ReturnId, string ReturnNumber, Guid OrderId, string OrderNumber, string Status, bool Withdrawal,
    IReadOnlyList<ReturnedLine> Lines, string RefundMethod, string Carrier, long LabelCostCents, DateTimeOffset RequestedAt, string? TrackingNumber,
    DateTimeOffset? ReceivedAt, IReadOnlyList<LineInspection>? Inspection, long RefundCents, DateTimeOffset? RefundDueBy, DateTimeOffset? RefundedAt);

/// <summary>Returns' ops API: parcels awaited and their reception, refunds falling due, claims waiting for a decision, and the decision.</summary>
public sealed class ReturnsApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    public Task<Answer<IReadOnlyList<CustomerReturnView>>> AwaitingAsync(string? number, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<CustomerReturnView>>(HttpMethod.Get,
            "/api/ops/returns/awaiting" + (string.IsNullOrWhiteSpace(number) ? "" : $"?q={Uri.EscapeDataString(number.Trim())}"), null, cancellationToken);

    public Task<Answer<IReadOnlyList<CustomerReturnView>>> RefundsDueAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<CustomerReturnView>>(HttpMethod.Get, "/api/ops/returns/refunds-due?withinDays=14", null, cancellationToken);

    /// <summary>The parcel arrived: each line accepted or refused with its note; <paramref name="reason"/> is kept in the trail.</summary>
    public Task<Answer<CustomerReturnView>> ReceiveAsync(Guid returnId, IReadOnlyList<LineInspection> lines, string reason,
        CancellationToken cancellationToken) =>
        SendAsync<CustomerReturnView>(HttpMethod.Post, $"/api/returns/{returnId}/reception", new { lines }, cancellationToken, reason);

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
