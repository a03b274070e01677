namespace OrderPlatform.Contracts;

/// <summary>
/// A customer placed an order at checkout; nothing is reserved or paid yet. It carries what Catalog
/// (lines), Payment (amounts, method and PSP token) and Notification (addresses, delivery) need
/// without calling Ordering back. The trailing values are absent only in events older than pricing.
/// </summary>
public sealed record OrderPlaced(
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    DateTimeOffset PlacedAt,
    OrderAmounts? Amounts = null,
    OrderDelivery? Delivery = null,
    PostalAddress? DeliveryAddress = null,
    PostalAddress? BillingAddress = null,
    OrderPayment? Payment = null,
    string? PromoCode = null,
    DeliveryWindow? EstimatedDelivery = null) : IIntegrationEvent;

/// <summary>
/// One line of an order: a SKU (size/colour of a product) and how many, at what unit price (euro cents,
/// VAT included) and with what share of the order's discount, so a partial capture charges exactly
/// the shipped lines [FR-26].
/// </summary>
/// <see cref="ShipsWithinDays"/> is the seller's maximum delay to ship it, where the seller gives one [MP-08];
/// <see cref="FinalSale"/> marks a sale item, which some shops' returns policies exclude [JI-07].
public sealed record OrderedLine(string LineId, string Sku, int Quantity, long UnitPriceCents = 0, long DiscountCents = 0,
    string? ProductName = null, string? SellerId = null, int? ShipsWithinDays = null, bool FinalSale = false)
{
    /// <summary>The seller of a shop's own products: the shop itself, not a marketplace seller the platform owes money to.</summary>
    public const string House = "house";

    /// <summary>Whether a marketplace seller sells this line (and is owed what it brings) [MP-06].</summary>
    public bool SoldByMarketplaceSeller => SellerId is { Length: > 0 } && SellerId != House;

    /// <summary>What the line costs after its share of the discount.</summary>
    public long AmountCents => UnitPriceCents * Quantity - DiscountCents;

    /// <summary>What <paramref name="quantity"/> units of the line cost, the discount shared per unit (the last unit takes the rounding).</summary>
    public long AmountForCents(int quantity) =>
        quantity >= Quantity ? AmountCents : (UnitPriceCents * quantity) - (DiscountCents * quantity / Quantity);
}

/// <summary>An order's money, in euro cents, VAT included: items, shipping fee charged, discount, total to pay.</summary>
public sealed record OrderAmounts(long ItemsCents, long ShippingFeeCents, long DiscountCents, long TotalCents);

/// <summary>How the parcel travels: carrier (mondial-relay, la-poste), mode (relay-point, home, pickup-point), pickup point.</summary>
public sealed record OrderDelivery(string Carrier, string Mode, string? PickupPointId = null);

/// <summary>A French-style postal address with the recipient's phone, which carriers need.</summary>
public sealed record PostalAddress(string? FirstName, string? LastName, string Line1, string? Line2, string PostalCode, string City, string Country,
    string? Phone)
{
    /// <summary>What stays of an address after a GDPR erasure [JI-15]: the country, which an invoice's VAT needs.</summary>
    public static PostalAddress? Anonymised(PostalAddress? address) =>
        address is null ? null : new PostalAddress(null, null, "erased", null, "", "", address.Country, null);
}

/// <summary>
/// How the customer pays: a method and the PSP's token for it (never a card number), or a gift card's code;
/// with <paramref name="UseStoreCredit"/>, the store credit pays first and the method the rest [FR-25].
/// </summary>
public sealed record OrderPayment(string Method, string? Token = null, string? GiftCardCode = null, bool UseStoreCredit = false);
