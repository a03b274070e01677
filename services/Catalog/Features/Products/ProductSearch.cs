using Marten;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.Products;

/// <summary>
/// French full-text search over published products, ranked, filtered by category, paged. The query
/// goes through the same normalisation as the products (accents, case, apostrophes), then PostgreSQL's
/// French configuration stems both sides, so plurals and accents do not matter.
/// </summary>
public static class ProductSearch
{
    // Matches the expression of the full-text index Marten creates on Product.SearchText.
    private const string Document = "to_tsvector('" + CatalogStorage.TextSearchConfig + "'::regconfig, data ->> 'SearchText')";
    private const string Query = "plainto_tsquery('" + CatalogStorage.TextSearchConfig + "'::regconfig, ?)";

    public static async Task<ProductPage> RunAsync(IQuerySession session, ProductQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchText.Normalize(query.Text);
        var category = string.IsNullOrWhiteSpace(query.Category) ? null : SearchText.CategoryKey(query.Category);

        var where = new List<string> { "published" };
        var parameters = new List<object>();
        if (category is not null)
        {
            // A department ("femme") or one of its categories ("femme/robes"): both are indexed columns.
            where.Add(category.Contains('/', StringComparison.Ordinal) ? "category_key = ?" : "category_root = ?");
            parameters.Add(category);
        }

        if (words.Length > 0)
        {
            where.Add($"{Document} @@ {Query}");
            parameters.Add(words);
        }

        var table = session.DocumentStore.Options.Schema.For<Product>();
        var filter = string.Join(" and ", where);
        var order = words.Length > 0 ? $"ts_rank({Document}, {Query}) desc, name" : "name";
        var orderParameters = words.Length > 0 ? [words] : Array.Empty<object>();

        var total = (await session.QueryAsync<long>($"select count(*) from {table} where {filter}", cancellationToken, [.. parameters])).Single();
        var products = await session.QueryAsync<Product>(
            $"select data from {table} where {filter} order by {order} limit ? offset ?",
            cancellationToken,
            [.. parameters, .. orderParameters, query.PageSize, (query.Page - 1) * query.PageSize]);

        return new ProductPage(
            products.Select(product => new ProductSummary(product.Id, product.Name, product.Category, product.PriceCents,
                product.Outlet, product.FinalSale, product.ImageUrls.FirstOrDefault())).ToList(),
            query.Page, query.PageSize, total);
    }
}
