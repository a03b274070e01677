using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping;

/// <summary>The warehouse and the rhythm of Shipping's work (<c>Shipping</c> in configuration).</summary>
public sealed class ShippingOptions
{
    /// <summary>Who sends the parcels: the name on the label and the warehouse's address.</summary>
    public string SenderName { get; set; } = "OrderPlatform";

    public PostalAddress Warehouse { get; set; } = new(null, null, "1 rue de l'Entrepôt", null, "93200", "Saint-Denis", "FR", "+33100000000");

    /// <summary>Parcels are not weighed yet: this much per unit, within every carrier's limits.</summary>
    public int UnitWeightGrams { get; set; } = 400;

    /// <summary>The first wait after a failed label request; each next one doubles, up to 30 minutes.</summary>
    public TimeSpan LabelRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often awaiting labels are retried and carriers polled for tracking.</summary>
    public TimeSpan LabelScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TrackingPollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>No carrier news of a parcel for this long opens an inquiry with the carrier.</summary>
    public TimeSpan InquiryAfter { get; set; } = TimeSpan.FromDays(10);

    /// <summary>An inquiry that finds nothing in this time makes the parcel lost: refunded or sent again.</summary>
    public TimeSpan LostAfterInquiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often sellers' lines are checked against their delay to ship, to tell the buyer and the seller of late ones [MP-08].</summary>
    public TimeSpan LateLineScanInterval { get; set; } = TimeSpan.FromMinutes(15);
}
