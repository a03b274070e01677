using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.Products;

public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProducts(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/products", SearchAsync)
            .WithName("SearchProducts")
            .WithSummary("Search (French full text) and browse the catalogue")
            .WithDescription("q: words to find (accents, case and plurals do not matter); category: a category path such as Femme or Femme/Robes.");
        catalog.MapGet("/products/{productId}", GetAsync)
            .WithName("GetProduct")
            .WithSummary("A product with its description, composition, photos and sizes/colours");
        return catalog;
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> SearchAsync(
        string? q, string? category, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = ProductQuery.Validate(page, pageSize, q);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new ProductQuery(q, category, page ?? 1, pageSize ?? ProductQuery.DefaultPageSize);
        return TypedResults.Ok(await ProductSearch.RunAsync(session, query, cancellationToken));
    }

    private static async Task<Results<Ok<ProductDetail>, NotFound>> GetAsync(
        string productId, IQuerySession session, PricePolicy prices, CancellationToken cancellationToken)
    {
        var product = await session.LoadAsync<Product>(productId, cancellationToken);
        if (product is not { Published: true })
        {
            return TypedResults.NotFound();
        }

        var stock = await session.LoadManyAsync<StockLevel>(cancellationToken, product.Skus.Select(sku => sku.Code));
        var onHand = stock.ToDictionary(level => level.Id, level => level.Available);
        return TypedResults.Ok(ProductDetail.Of(product, sku => onHand.GetValueOrDefault(sku), prices));
    }
}

/// <summary>
/// The product page (API.md, Catalog) [FR-20]; <c>deliveryIncluded</c> says the price is all-in [MP-02]; <c>shipsWithinDays</c>
/// is the seller's maximum delay to ship, where the seller gives one [MP-08]; <c>sellerId</c> who sells it (on the marketplace, whom the
/// buyer may write to about it, MP-09; elsewhere the house).
/// </summary>
public sealed record ProductDetail(
    string Id,
    string Name,
    string Description,
    string Composition,
    IReadOnlyList<string> ImageUrls,
    string Category,
    long PriceCents,
    bool Outlet,
    bool FinalSale,
    bool DeliveryIncluded,
    IReadOnlyList<SkuDetail> Skus,
    int? ShipsWithinDays,
    string SellerId)
{
    public static ProductDetail Of(Product product, Func<string, bool> available, PricePolicy prices)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(prices);
        return new ProductDetail(product.Id, product.Name, product.Description, product.Composition, product.ImageUrls,
            product.Category, product.PriceCents, product.Outlet, product.FinalSale, prices.DeliveryIncluded,
            product.Skus.Select(sku => new SkuDetail(sku.Code, sku.Size, sku.Colour, available(sku.Code), product.RestockPossible)).ToList(),
            product.ShipsWithinDays, product.SellerId);
    }
}

public sealed record SkuDetail(string Sku, string? Size, string? Colour, bool Available, bool RestockPossible);
