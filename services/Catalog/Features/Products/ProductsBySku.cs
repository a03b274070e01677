using Marten;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.Products;

/// <summary>The products that have any of these SKUs (SkuCodes is stored with each product).</summary>
public static class ProductsBySku
{
    public static async Task<IReadOnlyList<Product>> FindAsync(IQuerySession session, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var table = session.DocumentStore.Options.Schema.For<Product>();
        return await session.QueryAsync<Product>($"select data from {table} where jsonb_exists_any(data -> 'SkuCodes', ?)",
            cancellationToken, [skus.ToArray()]);
    }
}
