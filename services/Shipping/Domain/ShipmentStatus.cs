namespace OrderPlatform.Shipping.Domain;

/// <summary>Where a shipment stands, in the words the order page and Notification use.</summary>
public static class ShipmentStatus
{
    /// <summary>The warehouse packed it; the carrier has not given a label yet (down, or refusing): retried until it does.</summary>
    public const string AwaitingLabel = "awaiting-label";

    /// <summary>The carrier refused the label three times in a row: retrying will not help; ops correct the recipient, then it is retried.</summary>
    public const string LabelRefused = "label-refused";
    public const string LabelCreated = "label-created";
    public const string InTransit = "in-transit";
    public const string OutForDelivery = "out-for-delivery";
    /// <summary>At a relay point or post office, for 15 days [FR-10, FR-11].</summary>
    public const string AvailableForPickup = "available-for-pickup";
    /// <summary>Nobody was home: a notice was left and the parcel waits 15 days at the post office [FR-11].</summary>
    public const string NoticeLeft = "notice-left";
    public const string Delivered = "delivered";
    public const string ReturnedToWarehouse = "returned-to-warehouse";

    /// <summary>No news from the carrier for too long: an inquiry is open with it. News closes it; silence makes the parcel lost.</summary>
    public const string Inquiry = "inquiry";

    /// <summary>The carrier's inquiry found nothing: the parcel is lost, and the order refunds it or sends it again.</summary>
    public const string Lost = "lost";

    public static readonly IReadOnlyList<string> All =
        [AwaitingLabel, LabelRefused, LabelCreated, InTransit, OutForDelivery, AvailableForPickup, NoticeLeft, Delivered, ReturnedToWarehouse, Inquiry, Lost];

    /// <summary>Nothing the carrier says afterwards changes these.</summary>
    public static bool IsFinal(string status) => status is Delivered or ReturnedToWarehouse or Lost;

    /// <summary>The parcel waits to be collected: its 15 days are counting.</summary>
    public static bool IsHeld(string status) => status is AvailableForPickup or NoticeLeft;
}
