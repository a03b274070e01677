namespace OrderPlatform.Shipping.Domain;

/// <summary>A marketplace seller's parcel handed to its own carrier: the carrier's name, the tracking number, and where the buyer follows it.</summary>
public sealed record OwnCarrierParcel(string? Carrier, string? TrackingNumber, string? TrackingUrl);

/// <summary>
/// A seller may ship a home-delivery order with its own carrier and give the tracking number [MP-08]. No adapter reads that carrier's
/// tracking, so the parcel's life ends by the buyer confirming receipt, or, failing that, by delivery presumed
/// <see cref="PresumedDeliveredAfter"/> after it left (the return window then runs from that day).
/// </summary>
public static class OwnCarriers
{
    public const string Prefix = "own:";
    public static readonly TimeSpan PresumedDeliveredAfter = TimeSpan.FromDays(14);

    public static bool IsOwn(string? carrier) => carrier?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static Dictionary<string, string[]> Validate(OwnCarrierParcel parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        var errors = new Dictionary<string, string[]>();
        if (parcel.Carrier is not { Length: >= 2 and <= 50 } carrier || carrier.Any(char.IsControl))
        {
            errors["ownCarrier.carrier"] = ["The carrier's name, 2 to 50 characters (DHL, Chronopost…)."];
        }

        if (parcel.TrackingNumber is not { Length: >= 5 and <= 40 } number || !number.All(char.IsAsciiLetterOrDigit))
        {
            errors["ownCarrier.trackingNumber"] = ["The carrier's tracking number: 5 to 40 letters and digits."];
        }

        if (parcel.TrackingUrl is { } url && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors["ownCarrier.trackingUrl"] = ["Where the buyer follows the parcel: an https address."];
        }

        return errors;
    }

    /// <summary>Why this order cannot go with the seller's own carrier: a relay point is reached only by the relay network's carrier.</summary>
    public static string? WhyNot(OrderToShip order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Delivery.Mode == "home" ? null : "This order goes to a relay point: ship it with the label of the order's carrier.";
    }

    /// <summary>The parcel started with the seller's carrier, and booked at once with the tracking number the seller gave.</summary>
    public static (ShipmentStarted Started, IReadOnlyList<object> Booked) Handed(ShipmentStarted started, OwnCarrierParcel parcel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(parcel);
        var own = started with { Carrier = Prefix + parcel.Carrier!.Trim() };
        return (own, ShippingDecisions.OnLabelBooked(Shipment.Create(own), parcel.TrackingNumber!, parcel.TrackingUrl ?? "", null, null, now));
    }

    /// <summary>What ends the parcel's journey: the buyer's word that it arrived, or the presumption once its time has passed; nothing else.</summary>
    public static IReadOnlyList<TrackingEventRecorded> Arrival(Shipment shipment, DateTimeOffset now, bool confirmedByBuyer)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (!IsOwn(shipment.Carrier) || shipment.ShippedAt is not { } left || ShipmentStatus.IsFinal(shipment.Status))
        {
            return [];
        }

        return confirmedByBuyer
            ? [new TrackingEventRecorded(ShipmentStatus.Delivered, now, "buyer-confirmed", "Reçu, confirmé par l'acheteur", null, null)]
            : left + PresumedDeliveredAfter <= now
                ? [new TrackingEventRecorded(ShipmentStatus.Delivered, left + PresumedDeliveredAfter, "presumed", "Livraison présumée", null, null)]
                : [];
    }
}
