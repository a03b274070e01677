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
        var infrastructure = await TestInfrastructure.GetAsync();
        var connectionString = await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("catalog"));
        Store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            CatalogStorage.Configure(options);
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

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
