using Marten;
using OrderPlatform.Catalog;
using OrderPlatform.Catalog.DemoData;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>A Catalog database of its own, with Catalog's schema and the fashion demo catalogue loaded.</summary>
public sealed class CatalogDatabase : IAsyncLifetime
{
    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await (await TestInfrastructure.GetAsync()).CreateStoreAsync(TestInfrastructure.UniqueName("catalog"), CatalogStorage.Configure);

        await using var session = Store.LightweightSession();
        session.Store(FashionCatalogue.Products().ToArray());
        session.Store(DemoStores.All.ToArray());
        session.Store(FashionCatalogue.Stock(FashionCatalogue.Products()).ToArray());
        await session.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
