namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// A product as the shop sells it: price in euro cents, VAT included; <see cref="Outlet"/> articles are
/// never restocked [FR-22]; <see cref="FinalSale"/> marks a sale item. Its SKUs are its sizes and colours.
/// <see cref="ShipsWithinDays"/> is the seller's own maximum delay to ship, shown on the product [MP-08].
/// </summary>
public sealed record Product(
    string Id,
    string Name,
    string Description,
    string Composition,
    IReadOnlyList<string> ImageUrls,
    string Category,
    long PriceCents,
    bool Outlet,
    bool FinalSale,
    string SellerId,
    bool Published,
    IReadOnlyList<Sku> Skus,
    int? ShipsWithinDays = null)
{
    /// <summary>What the full-text search reads: name, category, description and composition, normalised.</summary>
    public string SearchText => Domain.SearchText.Normalize($"{Name} {Category.Replace('/', ' ')} {Description} {Composition}");

    public string CategoryKey => Domain.SearchText.CategoryKey(Category);

    /// <summary>The department the category is in ("femme" for Femme/Robes): browsing a department filters on it.</summary>
    public string CategoryRoot => CategoryKey.Split('/')[0];

    /// <summary>Its SKU codes, stored so that a product can be found by any of them.</summary>
    public IReadOnlyList<string> SkuCodes => Skus.Select(sku => sku.Code).ToList();

    /// <summary>Whether an article that ran out can come back [FR-22].</summary>
    public bool RestockPossible => !Outlet;
}

/// <summary>One size and colour of a product: what is stocked, ordered and shipped.</summary>
public sealed record Sku(string Code, string? Size, string? Colour);
