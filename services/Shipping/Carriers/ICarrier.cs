using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping.Carriers;

/// <summary>
/// One carrier behind one interface: its pickup points, a label for a parcel, the parcel's tracking.
/// Each adapter speaks its carrier's own wire format (PROVIDERS.md) and has its own options, so pointing
/// at the real carrier instead of the Sandboxes is configuration.
/// </summary>
public interface ICarrier
{
    /// <summary>mondial-relay, la-poste: the codes orders carry.</summary>
    string Code { get; }

    Task<IReadOnlyList<PickupPoint>> SearchPickupPointsAsync(string postalCode, string country, CancellationToken cancellationToken);

    Task<BookedLabel> BookLabelAsync(LabelRequest request, CancellationToken cancellationToken);

    /// <summary>Every event the carrier reports for the parcel, oldest first, each with our status for it.</summary>
    Task<IReadOnlyList<TrackingEvent>> ReadTrackingAsync(string trackingNumber, CancellationToken cancellationToken);
}

/// <summary>A relay point or post office where a parcel can wait for its customer.</summary>
public sealed record PickupPoint(string Carrier, string Id, string Name, string Address, string PostalCode, string City, string Country, string Kind,
    double? Latitude, double? Longitude, int? DistanceMeters, IReadOnlyDictionary<string, string> OpeningHours);

/// <summary>
/// What a carrier needs for a label: who sends, who receives, how, how heavy; our shipment id as the reference. A
/// <paramref name="Return"/> label goes the other way: the customer (<paramref name="Recipient"/> of the order) drops it off, the
/// warehouse (<paramref name="Sender"/>) receives it.
/// </summary>
public sealed record LabelRequest(Guid ShipmentId, string OrderNumber, string Mode, string? PickupPointId, PostalAddress Recipient, PostalAddress Sender,
    string SenderName, int WeightGrams, DateOnly DepositDate, bool Return = false);

/// <summary>The carrier's label: the parcel number, where the customer follows it, the label to print.</summary>
public sealed record BookedLabel(string TrackingNumber, string TrackingUrl, string? LabelUrl, byte[]? LabelPdf);

/// <summary>One carrier event: its own code (none for Mondial Relay) and text, when, where, and the status it means for us.</summary>
public sealed record TrackingEvent(string Status, DateTimeOffset At, string? Code, string Label, string? RelayId, string? Location);

/// <summary>The carrier did not answer, or answered 5xx: the shipment waits and the call is tried again later.</summary>
public sealed class CarrierUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The carrier refused the request (bad credentials, an address it cannot serve): retrying as is will not help; ops must look.</summary>
public sealed class CarrierRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
