using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>French full-text search in PostgreSQL over the demo catalogue [MP-06].</summary>
public sealed class ProductSearchTests(CatalogDatabase catalog) : IClassFixture<CatalogDatabase>
{
    private async Task<ProductPage> SearchAsync(string? text, string? category = null, int page = 1, int pageSize = 100)
    {
        await using var session = catalog.Store.QuerySession();
        return await ProductSearch.RunAsync(session, new ProductQuery(text, category, page, pageSize), CancellationToken.None);
    }

    [Fact]
    public async Task Plural_singular_and_capitals_find_the_same_products()
    {
        var plural = await SearchAsync("pantalons");
        var capital = await SearchAsync("Pantalon");
        var singular = await SearchAsync("pantalon");

        Assert.NotEmpty(singular.Items);
        Assert.Equal(singular.Items.Select(item => item.Id).Order(), plural.Items.Select(item => item.Id).Order());
        Assert.Equal(singular.Items.Select(item => item.Id).Order(), capital.Items.Select(item => item.Id).Order());
        Assert.All(singular.Items, item => Assert.Contains("antalon", item.Name + item.Category, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_without_accents_find_the_accented_name()
    {
        var found = await SearchAsync("robe ete");

        Assert.Contains(found.Items, item => item.Name == "Robe d'été fleurie");
        Assert.StartsWith("Robe d'été fleurie", found.Items[0].Name, StringComparison.Ordinal); // ranked first
    }

    [Fact]
    public async Task Composition_and_description_are_searched_too()
    {
        var linen = await SearchAsync("lin");

        Assert.Contains(linen.Items, item => item.Name.StartsWith("Chemise en lin", StringComparison.Ordinal));
        Assert.Contains(linen.Items, item => item.Name.StartsWith("Short en lin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_filters_to_itself_and_below_whatever_the_case()
    {
        var femme = await SearchAsync(null, "Femme", pageSize: 100);
        var robes = await SearchAsync(null, "femme/ROBES");

        Assert.All(femme.Items, item => Assert.StartsWith("Femme/", item.Category, StringComparison.Ordinal));
        Assert.All(robes.Items, item => Assert.Equal("Femme/Robes", item.Category));
        Assert.Equal(12, robes.Total); // three dresses in four collections
        Assert.True(femme.Total > robes.Total);
    }

    [Fact]
    public async Task Words_and_category_combine()
    {
        var found = await SearchAsync("jean", "Garçon");

        Assert.NotEmpty(found.Items);
        Assert.All(found.Items, item => Assert.StartsWith("Garçon/", item.Category, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_split_the_results_without_overlap_and_the_total_is_the_whole()
    {
        var first = await SearchAsync(null, "Homme", page: 1, pageSize: 10);
        var second = await SearchAsync(null, "Homme", page: 2, pageSize: 10);
        var all = await SearchAsync(null, "Homme", pageSize: 100);

        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(item => item.Id).Intersect(second.Items.Select(item => item.Id)));
        Assert.Equal(all.Total, first.Total);
        Assert.Equal(all.Items.Count, (int)all.Total);
    }

    [Fact]
    public async Task An_unpublished_product_is_never_found()
    {
        await using (var session = catalog.Store.LightweightSession())
        {
            session.Store(new Product("brouillon-robe-secrete", "Robe secrète", "Pas encore en vente.", "100 % soie", [], "Femme/Robes",
                9900, Outlet: false, FinalSale: false, Seller.HouseId, Published: false, [new Sku("BROUILLON-1", "M", "Noir")]));
            await session.SaveChangesAsync();
        }

        Assert.DoesNotContain((await SearchAsync("secrete")).Items, item => item.Id == "brouillon-robe-secrete");
    }

    [Fact]
    public async Task A_search_that_matches_nothing_is_an_empty_page()
    {
        var found = await SearchAsync("trottinette");

        Assert.Empty(found.Items);
        Assert.Equal(0, found.Total);
    }
}
