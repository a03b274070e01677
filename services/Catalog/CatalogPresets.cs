using OrderPlatform.Catalog.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Catalog;

/// <summary>Catalog's values for each merchant preset, as data: the domain receives the values only.</summary>
public static class CatalogPresets
{
    private static readonly Dictionary<string, StockPolicy> StockPolicies = new()
    {
        [MerchantPreset.FashionRetail] = new StockPolicy(BackorderWhenShort: false),
        [MerchantPreset.JapanImport] = new StockPolicy(BackorderWhenShort: true), // JI-09: "en attente de réassort"
        [MerchantPreset.Marketplace] = new StockPolicy(BackorderWhenShort: false),
    };

    // MP-02: on the marketplace every published price includes delivery.
    private static readonly Dictionary<string, bool> DeliveryIncluded = new()
    {
        [MerchantPreset.FashionRetail] = false,
        [MerchantPreset.JapanImport] = false,
        [MerchantPreset.Marketplace] = true,
    };

    public static PricePolicy PricePolicy(MerchantPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return new PricePolicy(DeliveryIncluded[preset.Name]);
    }

    public static StockPolicy StockPolicy(MerchantPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return StockPolicies[preset.Name];
    }
}
