using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
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
        // Browsing filters and sorts on real columns, so the planner can use their indexes.
        options.Schema.For<Product>()
            .FullTextIndex(TextSearchConfig, product => product.SearchText)
            .Duplicate(product => product.CategoryKey)
            .Duplicate(product => product.CategoryRoot)
            .Duplicate(product => product.Published)
            .Duplicate(product => product.Name)
            .Duplicate(product => product.SellerId);
        options.Schema.For<Store>().Index(store => store.CityKey).Index(store => store.PostalCode);
        options.Schema.For<Seller>();
        options.Schema.For<SellerApplication>().Duplicate(application => application.Status);
        options.Schema.For<StockLevel>();
        options.Schema.For<Backorder>().Duplicate(backorder => backorder.Sku);
        options.Schema.For<StoreStock>();
        options.Schema.For<InStoreReservation>().Duplicate(reservation => reservation.Status).Duplicate(reservation => reservation.HoldUntil);
        options.Projections.Snapshot<StockReservation>(SnapshotLifecycle.Inline);
    }
}
