using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>Which demo catalogue each merchant preset gets.</summary>
public static class DemoCatalogues
{
    public static (Seller Seller, IReadOnlyList<Product> Products) For(string preset) => preset switch
    {
        "japan-import" => (Seller.House("Maison Nippon"), SmallCatalogues.JapanImport()),
        "marketplace" => (new Seller("atelier-lyonnais", "Atelier Lyonnais SARL", Certified: true), SmallCatalogues.Marketplace("atelier-lyonnais")),
        _ => (Seller.House("Kaporal"), FashionCatalogue.Products()),
    };
}
