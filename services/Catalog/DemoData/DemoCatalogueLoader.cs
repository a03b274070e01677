using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.Shops;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>
/// Loads the shop's demo catalogue (<c>Shop:DemoCatalogue</c>) when the service starts in development
/// (<c>Catalog:DemoData</c>). Documents have fixed ids and are stored by upsert, so starting again
/// changes nothing; stock levels already there are left as they are.
/// </summary>
public sealed partial class DemoCatalogueLoader(IDocumentStore store, IConfiguration configuration, ShopProfile shop, TimeProvider time,
    ILogger<DemoCatalogueLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Catalog:DemoData", false))
        {
            return;
        }

        var demo = DemoCatalogues.Named(shop.DemoCatalogue);
        var (demoSeller, catalogue) = (demo.Seller, demo.Products);
        await using var session = store.LightweightSession();
        // Every copy of Catalog starts with this: one at a time, or two would insert the same missing stock levels.
        await AdvisoryLocks.LockAsync(session, ["catalog:demo-data"], cancellationToken);
        // The seller as operations left it (suspended, say); a marketplace's demo seller is certified once, as a company that applied would be,
        // so that Notification knows where to write to it.
        var stored = await session.LoadAsync<Seller>(demoSeller.Id, cancellationToken);
        var seller = stored ?? demoSeller;
        if (stored is null)
        {
            session.Store(seller);
            if (demo.SellerContact is { } contact)
            {
                var now = time.GetUtcNow();
                session.Events.StartStream(Guid.CreateVersion7(now), new SellerCertified(seller.Id, seller.Name, Guid.Empty, Guid.Empty, now, contact));
            }
        }

        var products = Publication.Apply(catalogue, [seller]);
        session.Store(products.ToArray());
        session.Store(DemoStores.All.ToArray());
        var skus = products.SelectMany(product => product.Skus).Select(sku => sku.Code).ToList();
        var known = (await session.LoadManyAsync<StockLevel>(cancellationToken, skus)).Select(level => level.Id).ToHashSet();
        var missing = FashionCatalogue.Stock(products).Where(level => !known.Contains(level.Id)).ToArray();
        if (missing.Length > 0)
        {
            session.Insert(missing);
        }

        if (!await session.Query<StoreStock>().AnyAsync(cancellationToken))
        {
            // Stores carry part of the range, a few units each; loaded once, then the stores' own counts rule.
            session.Insert(DemoStores.Stock(products).ToArray());
        }

        await session.SaveChangesAsync(cancellationToken);
        LogLoaded(shop.DemoCatalogue, products.Count, DemoStores.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalogue {Catalogue}: {Products} products, {Stores} stores")]
    private partial void LogLoaded(string catalogue, int products, int stores);
}
