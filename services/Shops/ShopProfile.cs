namespace OrderPlatform.Shops;

/// <summary>
/// Everything in which one shop differs from another, named: read from the shop's profile (<c>Profiles/{name}.json</c>, chosen by
/// <c>Merchant:Preset</c>) through the options pattern and validated at start. Any value can be overridden by configuration
/// (<c>Shop__Orders__HandOffDelay=00:00:08</c>). Feature code asks the profile, never the shop's name.
/// </summary>
public sealed class ShopProfile
{
    public const string Section = "Shop";

    /// <summary>The profile's name: <c>fashion-retail</c>, <c>japan-import</c>, <c>marketplace</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Certified companies sell their own products and ship their own parcels; buyers write to them and report problems [MP-01, MP-09, MP-11].</summary>
    public bool Sellers { get; set; }

    /// <summary>Customers may join a loyalty club (fashion-retail's makes return labels free, FR-14).</summary>
    public bool LoyaltyClub { get; set; }

    /// <summary>A sign-up is approved before its confirmation e-mail [MP-03].</summary>
    public bool SignUpApproval { get; set; }

    /// <summary>The demo catalogue loaded in development and tests.</summary>
    public string DemoCatalogue { get; set; } = "";

    public PaymentProfile Payment { get; set; } = new();

    public CatalogueProfile Catalogue { get; set; } = new();

    public DeliveryProfile Delivery { get; set; } = new();

    public OrdersProfile Orders { get; set; } = new();

    public ReturnsProfile Returns { get; set; } = new();

    public ClaimsProfile Claims { get; set; } = new();
}

public sealed class PaymentProfile
{
    /// <summary>When the money is taken [FR-26].</summary>
    public ChargeTime ChargeAt { get; set; }

    /// <summary>Methods accepted at checkout (<see cref="PaymentMethods"/>) [FR-25, JI-01, MP-07].</summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>Card networks accepted, as the PSP names them.</summary>
    public List<string> CardBrands { get; set; } = [];

    /// <summary>Where the cards' banks must be (ISO 3166); empty: anywhere [FR-25].</summary>
    public List<string> CardIssuerCountries { get; set; } = [];
}

public enum ChargeTime
{
    /// <summary>The shipped lines are captured when they ship; the rest of the authorisation is released.</summary>
    OnShipment,

    /// <summary>The whole order is captured at confirmation; what never ships is refunded.</summary>
    OnOrder,
}

public sealed class CatalogueProfile
{
    /// <summary>Out-of-stock lines wait for a restock ("en attente de réassort", JI-09) rather than being dropped.</summary>
    public bool BackorderWhenShort { get; set; }

    /// <summary>Every published price includes delivery [MP-02].</summary>
    public bool DeliveryIncluded { get; set; }
}

public sealed class DeliveryProfile
{
    /// <summary>The carrier and mode pairs offered at checkout, with their fee.</summary>
    public List<DeliveryChoice> Options { get; set; } = [];

    /// <summary>The delivery estimate shown at checkout [FR-08, JI-05].</summary>
    public DeliveryEstimateProfile Estimate { get; set; } = new();
}

public sealed class DeliveryChoice
{
    public string Carrier { get; set; } = "";

    public string Mode { get; set; } = "";

    public long FeeCents { get; set; }
}

public sealed class DeliveryEstimateProfile
{
    public int FromDays { get; set; }

    public int ToDays { get; set; }

    /// <summary>Days counted are working days (JI-05: "jours ouvrés").</summary>
    public bool WorkingDays { get; set; }

    /// <summary>On the marketplace: days on the road after the slowest seller's own delay to ship [MP-08].</summary>
    public int? TransitDays { get; set; }
}

public sealed class OrdersProfile
{
    /// <summary>Until when the customer may cancel [FR-06, JI-06].</summary>
    public CancelUntil CancelUntil { get; set; }

    /// <summary>How long after confirmation the order goes to logistics.</summary>
    public TimeSpan HandOffDelay { get; set; }

    /// <summary>What makes an invoice: each capture, or each shipment.</summary>
    public InvoiceAt InvoiceAt { get; set; }

    /// <summary>The invoice travels with the shipment e-mail [JI-10].</summary>
    public bool InvoiceInShipmentEmail { get; set; }
}

public enum CancelUntil
{
    /// <summary>Only while the payment is not validated [FR-06].</summary>
    Confirmation,

    /// <summary>Until the order goes to logistics [JI-06].</summary>
    HandOff,
}

public enum InvoiceAt
{
    Capture,
    Shipment,
}

/// <summary>The shop's commercial returns policy (the legal withdrawal right is the same for every shop and is not here).</summary>
public sealed class ReturnsProfile
{
    /// <summary>Days from receipt to ask for a return [FR-15].</summary>
    public int WindowDays { get; set; }

    /// <summary>A longer window for <see cref="LongWindowReasons"/>, whose return shipping is refunded [MP-10].</summary>
    public int? LongWindowDays { get; set; }

    public List<string> LongWindowReasons { get; set; } = [];

    /// <summary>Sale items may be returned under the commercial policy [JI-07].</summary>
    public bool SaleItemsReturnable { get; set; }

    /// <summary>The carrier return labels are booked with.</summary>
    public string Carrier { get; set; } = "";

    /// <summary>What a return label costs the customer, deducted from the refund [FR-14].</summary>
    public long LabelFeeCents { get; set; }

    /// <summary>Loyalty-club members return for free through Mondial Relay from metropolitan France and Belgium [FR-14].</summary>
    public bool FreeLabelForLoyalty { get; set; }

    /// <summary>The cheapest standard delivery, refunded on a whole-order withdrawal (Code de la consommation, L221-24).</summary>
    public long CheapestStandardDeliveryCents { get; set; }

    /// <summary>Store credit is offered as a refund (FR-13's "avoir"); elsewhere refunds go to the payment method.</summary>
    public bool StoreCreditRefunds { get; set; }

    /// <summary>Each return holds one seller's items and goes to that seller first [MP-10].</summary>
    public bool OneSellerPerReturn { get; set; }

    /// <summary>The longest a delivered line may be returned: past it, the order is completed.</summary>
    public int LongestWindowDays => Math.Max(WindowDays, LongWindowDays ?? 0);
}

public sealed class ClaimsProfile
{
    /// <summary>A missing item is reported with the parcel's tracking number and a photo of the parcel [JI-12].</summary>
    public bool MissingItemNeedsTrackingAndPhoto { get; set; }
}
