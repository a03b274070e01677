namespace OrderPlatform.Catalog.Domain;

/// <summary>Who sells a product: the house for a brand's own shop; a certified French company on a marketplace [MP-01].</summary>
public sealed record Seller(string Id, string Name, bool Certified)
{
    public const string HouseId = "house";

    public static Seller House(string shopName) => new(HouseId, shopName, Certified: true);
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
