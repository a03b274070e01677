using Marten;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog;

/// <summary>Catalog's documents and their indexes in Marten.</summary>
public static class CatalogStorage
{
    /// <summary>The text-search configuration: French stemming and stop words.</summary>
    public const string TextSearchConfig = "french";

    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<Product>()
            .FullTextIndex(TextSearchConfig, product => product.SearchText)
            .Index(product => product.CategoryKey);
        options.Schema.For<Store>().Index(store => store.CityKey).Index(store => store.PostalCode);
        options.Schema.For<Seller>();
        options.Schema.For<StockLevel>();
    }
}
