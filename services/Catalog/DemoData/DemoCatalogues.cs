using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>A demo catalogue: whose products they are, the products, and where the platform writes to their seller (none for a shop's own).</summary>
public sealed record DemoCatalogue(Seller Seller, IReadOnlyList<Product> Products, string? SellerContact = null);

/// <summary>The demo catalogues, by the name a shop's profile gives (<c>Shop:DemoCatalogue</c>).</summary>
public static class DemoCatalogues
{
    private static readonly Dictionary<string, Func<DemoCatalogue>> ByName = new()
    {
        ["kaporal"] = () => new(Seller.House("Kaporal"), FashionCatalogue.Products()),
        ["maison-nippon"] = () => new(Seller.House("Maison Nippon"), SmallCatalogues.JapanImport()),
        // The Sandboxes' mail capture keeps what the platform writes to the demo marketplace's seller.
        ["atelier-lyonnais"] = () => new(new Seller("atelier-lyonnais", "Atelier Lyonnais SARL", Certified: true), SmallCatalogues.Marketplace("atelier-lyonnais"),
            "contact@atelier-lyonnais.example"),
    };

    public static DemoCatalogue Named(string name) => ByName.TryGetValue(name, out var catalogue)
        ? catalogue()
        : throw new InvalidOperationException($"Shop:DemoCatalogue is '{name}'; it must be one of {string.Join(", ", ByName.Keys)}.");
}
