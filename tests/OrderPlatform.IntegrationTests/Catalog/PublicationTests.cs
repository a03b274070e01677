using OrderPlatform.Catalog.DemoData;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>On the marketplace only certified sellers sell: an uncertified seller's products are never found [MP-01].</summary>
public sealed class PublicationTests(CatalogDatabase catalog) : IClassFixture<CatalogDatabase>
{
    [Fact]
    public async Task An_uncertified_sellers_products_are_not_published_MP_01()
    {
        var certified = new Seller("atelier-lyonnais", "Atelier Lyonnais SARL", Certified: true);
        var uncertified = new Seller("revendeur-douteux", "Revendeur douteux", Certified: false);
        var products = SmallCatalogues.Marketplace(certified.Id)
            .Concat(SmallCatalogues.Marketplace(uncertified.Id).Select(product => product with { Id = "douteux-" + product.Id, Name = product.Name + " douteux" }));

        await using (var session = catalog.Store.LightweightSession())
        {
            session.Store(Publication.Apply(products, [certified, uncertified]).ToArray());
            await session.SaveChangesAsync();
        }

        await using var reader = catalog.Store.QuerySession();
        var found = await ProductSearch.RunAsync(reader, new ProductQuery("savon", null), CancellationToken.None);
        Assert.Contains(found.Items, item => item.Id == "savon-marseille");
        Assert.DoesNotContain(found.Items, item => item.Id.StartsWith("douteux-", StringComparison.Ordinal));
    }
}
