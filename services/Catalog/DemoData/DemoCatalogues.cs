using OrderPlatform.Catalog.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>Which demo catalogue each merchant preset gets.</summary>
public static class DemoCatalogues
{
    public static (Seller Seller, IReadOnlyList<Product> Products) For(string preset) => preset switch
    {
        MerchantPreset.JapanImport => (Seller.House("Maison Nippon"), SmallCatalogues.JapanImport()),
        MerchantPreset.Marketplace => (new Seller("atelier-lyonnais", "Atelier Lyonnais SARL", Certified: true), SmallCatalogues.Marketplace("atelier-lyonnais")),
        _ => (Seller.House("Kaporal"), FashionCatalogue.Products()),
    };

    /// <summary>Where the platform writes to the demo marketplace's seller (the Sandboxes' mail capture keeps it); none for a shop of its own.</summary>
    public static string? ContactOf(string preset) => preset == MerchantPreset.Marketplace ? "contact@atelier-lyonnais.example" : null;
}
