namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// Who sells a product: the house for a brand's own shop; a certified French company on a marketplace [MP-01]. Operations may suspend a
/// seller (misconduct, a lapsed registration): its products are withdrawn and none can be published until they reinstate it.
/// </summary>
public sealed record Seller(string Id, string Name, bool Certified, DateTimeOffset? SuspendedAt = null, string? SuspensionReason = null)
{
    public const string HouseId = Contracts.OrderedLine.House;

    public static Seller House(string shopName) => new(HouseId, shopName, Certified: true);

    public bool Suspended => SuspendedAt is not null;
}

/// <summary>Operations suspend a marketplace seller and reinstate it [MP-01, MP-11].</summary>
public static class SellerSuspension
{
    /// <summary>The seller suspended, and its products withdrawn; refused for the house, or a seller already suspended.</summary>
    public static (Seller? Suspended, IReadOnlyList<Product> Withdrawn, string? Refusal) Suspend(Seller seller, IEnumerable<Product> products, string reason,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(products);
        if (seller.Id == Seller.HouseId)
        {
            return (null, [], "The house is not a seller that can be suspended.");
        }

        if (seller.Suspended)
        {
            return (null, [], $"{seller.Name} is already suspended.");
        }

        var suspended = seller with { SuspendedAt = now, SuspensionReason = reason };
        return (suspended, products.Where(product => product.Published).Select(product => product with { Published = false }).ToList(), null);
    }

    /// <summary>The seller reinstated: it may publish its products again (they stay withdrawn until it does).</summary>
    public static (Seller? Reinstated, string? Refusal) Reinstate(Seller seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        return seller.Suspended ? (seller with { SuspendedAt = null, SuspensionReason = null }, null) : (null, $"{seller.Name} is not suspended.");
    }
}

public static class Publication
{
    /// <summary>
    /// A product can be published only with a certified seller, a name, a positive price and at least
    /// one SKU [MP-01]. Returns why not, or null when it can.
    /// </summary>
    public static string? WhyNotPublishable(Product product, Seller? seller)
    {
        ArgumentNullException.ThrowIfNull(product);
        return seller switch
        {
            null => $"The seller {product.SellerId} is unknown.",
            { Certified: false } => $"The seller {seller.Name} is not certified: only certified sellers may sell.",
            { Suspended: true } => $"The seller {seller.Name} is suspended by the platform: its products cannot be published until it is reinstated.",
            _ when string.IsNullOrWhiteSpace(product.Name) => "A product needs a name.",
            _ when product.PriceCents <= 0 => "A product needs a price.",
            _ when product.Skus.Count == 0 => "A product needs at least one size or colour.",
            _ => null,
        };
    }

    /// <summary>Publishes what may be published and withdraws the rest: the rule applied to a whole catalogue [MP-01].</summary>
    public static IReadOnlyList<Product> Apply(IEnumerable<Product> products, IEnumerable<Seller> sellers)
    {
        var bySeller = sellers.ToDictionary(seller => seller.Id);
        return products.Select(product => product with
        {
            Published = product.Published && WhyNotPublishable(product, bySeller.GetValueOrDefault(product.SellerId)) is null,
        }).ToList();
    }
}
