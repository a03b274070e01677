using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record ParcelLine(string LineId, string Sku, int Quantity);

public sealed record ShippedParcel(Guid ShipmentId, string Carrier, string Status, string? TrackingNumber, string? TrackingUrl,
    IReadOnlyList<ParcelLine> Lines, string? LabelProblem);

/// <summary>What the warehouse did: the parcel made (none when only missing lines were declared) and the lines now missing.</summary>
public sealed record ShipResult(ShippedParcel? Shipment, IReadOnlyList<string> MissingLines);

/// <summary>Shipping's ops API: the warehouse ships lines, declares missing ones, prints labels.</summary>
public sealed class ShippingApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    /// <summary>
    /// Ships these lines and declares those missing. <paramref name="parcelKey"/> is the form's own key: a second click of the same
    /// form returns the same parcel instead of a second one.
    /// </summary>
    public Task<Answer<ShipResult>> ShipAsync(Guid orderId, IReadOnlyList<(string LineId, int Quantity)> lines, IReadOnlyList<string> missing,
        string parcelKey, string reason, CancellationToken cancellationToken) =>
        SendAsync<ShipResult>(HttpMethod.Post, $"/api/shipping/orders/{orderId}/shipments",
            new { lines = lines.Select(line => new { lineId = line.LineId, quantity = line.Quantity }).ToArray(), unavailable = missing }, cancellationToken,
            reason, new Dictionary<string, string> { ["Idempotency-Key"] = parcelKey });

    /// <summary>The carrier's label, to print (served by the back office under the operator's session).</summary>
    public Task<(byte[] Content, string ContentType)?> LabelAsync(Guid shipmentId, string accessToken, CancellationToken cancellationToken) =>
        FileAsync($"/api/shipping/shipments/{shipmentId}/label", accessToken, "application/pdf", cancellationToken);
}
