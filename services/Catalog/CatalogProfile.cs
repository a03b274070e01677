using OrderPlatform.Catalog.Domain;
using OrderPlatform.Shops;

namespace OrderPlatform.Catalog;

/// <summary>What the shop's profile means for the catalogue: the domain receives the values only.</summary>
public static class CatalogProfile
{
    public static PricePolicy PricePolicy(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new PricePolicy(shop.Catalogue.DeliveryIncluded);
    }

    public static StockPolicy StockPolicy(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new StockPolicy(shop.Catalogue.BackorderWhenShort);
    }
}
