using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;
using OrderPlatform.Catalog.Features.Restock;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Catalog.Features.Sellers;

/// <summary>A SKU of the seller's product with its units: on hand, and reserved for orders not shipped yet.</summary>
public sealed record SellerSkuView(string Sku, string? Size, string? Colour, int OnHand, int Reserved);

/// <summary>A product as its seller sees it: published or not, with its stock.</summary>
public sealed record SellerProductView(string Id, string Name, string Description, string Composition, IReadOnlyList<string> ImageUrls, string Category,
    long PriceCents, int? ShipsWithinDays, bool Published, IReadOnlyList<SellerSkuView> Skus)
{
    public static SellerProductView Of(Product product, IReadOnlyDictionary<string, StockLevel> stock)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(stock);
        return new(product.Id, product.Name, product.Description, product.Composition, product.ImageUrls, product.Category, product.PriceCents,
            product.ShipsWithinDays, product.Published, product.Skus.Select(sku =>
                new SellerSkuView(sku.Code, sku.Size, sku.Colour, stock.GetValueOrDefault(sku.Code)?.OnHand ?? 0, stock.GetValueOrDefault(sku.Code)?.Reserved ?? 0))
                .ToList());
    }
}

/// <summary>
/// A marketplace seller manages its own products, all-in prices, stock and delay to ship [MP-01, MP-02, MP-08]. Another seller's product or
/// SKU is unknown here (404).
/// </summary>
public static class SellerProductEndpoints
{
    public static RouteGroupBuilder MapSellerProducts(this RouteGroupBuilder catalog)
    {
        var seller = catalog.MapGroup("/seller").RequireAuthorization(PlatformAuthentication.Seller);
        seller.MapGet("", MineAsync).WithName("GetMySeller").WithSummary("My seller: its name, whether it is certified, and any suspension with its reason [MP-01]");
        seller.MapGet("/products", ListAsync).WithName("ListMyProducts").WithSummary("My products as a seller, published or not, with their stock");
        seller.MapPost("/products", CreateAsync).WithName("CreateMyProduct")
            .WithSummary("Put a product on sale: all-in price (delivery included), days to ship, SKUs; published at once unless asked not to [MP-01, MP-02, MP-08]");
        seller.MapPut("/products/{productId}", ChangeAsync).WithName("ChangeMyProduct")
            .WithSummary("Change my product's name, description, price, days to ship, or publish or withdraw it [MP-01, MP-02, MP-08]");
        seller.MapPut("/stock/{sku}", RestockAsync).WithName("RestockMyProduct")
            .WithSummary("Set (onHand) or add to (add) the units on hand of one of my SKUs; serves waiting backorders");
        return catalog;
    }

    private static async Task<Results<Ok<Seller>, NotFound>> MineAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Seller>(user.SellerId()!, cancellationToken) is { } mine ? TypedResults.Ok(mine) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<SellerProductView>>> ListAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var sellerId = user.SellerId()!;
        var products = await session.Query<Product>().Where(product => product.SellerId == sellerId).OrderBy(product => product.Name).Take(1000)
            .ToListAsync(cancellationToken);
        var stock = await StockOfAsync(session, products, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SellerProductView>>(products.Select(product => SellerProductView.Of(product, stock)).ToList());
    }

    private static async Task<Results<Created<SellerProductView>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAsync(SellerProductRequest request,
        ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = SellerProducts.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await session.LoadAsync<Seller>(user.SellerId()!, cancellationToken) is not { } seller)
        {
            return TypedResults.NotFound();
        }

        var codes = request.Skus!.Select(sku => sku.Code!).ToList();
        // Two products created at once with the same SKU: the second waits and finds it taken; a suspension waits for the product too.
        await Messaging.Persistence.AdvisoryLocks.LockAsync(session, [SellerLock(seller.Id), .. codes.Select(code => "sku:" + code)], cancellationToken);
        seller = await session.LoadAsync<Seller>(seller.Id, cancellationToken) ?? seller;
        if ((await ProductsBySku.FindAsync(session, codes, cancellationToken)).SelectMany(product => product.SkuCodes).Intersect(codes).FirstOrDefault() is { } taken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The SKU code {taken} is already used on this marketplace: choose another.");
        }

        var product = SellerProducts.Create(SellerProducts.NewId(request.Name!, RandomNumberGenerator.GetBytes), seller, request);
        session.Insert(product);
        foreach (var code in codes)
        {
            session.Store(new StockLevel(code, 0));
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/catalog/products/{product.Id}",
            SellerProductView.Of(product, codes.ToDictionary(code => code, code => new StockLevel(code, 0))));
    }

    private static async Task<Results<Ok<SellerProductView>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync(string productId,
        SellerProductChange change, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = SellerProducts.Validate(change);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sellerId = user.SellerId()!;
        await Messaging.Persistence.AdvisoryLocks.LockAsync(session, [SellerLock(sellerId)], cancellationToken);
        if (await session.LoadAsync<Product>(productId, cancellationToken) is not { } product || product.SellerId != sellerId
            || await session.LoadAsync<Seller>(sellerId, cancellationToken) is not { } seller)
        {
            return TypedResults.NotFound();
        }

        var (changed, refusal) = SellerProducts.Change(product, seller, change);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Store(changed!);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SellerProductView.Of(changed!, await StockOfAsync(session, [changed!], cancellationToken)));
    }

    private static async Task<Results<Ok<StockLevel>, ValidationProblem, NotFound, ProblemHttpResult>> RestockAsync(string sku, StockChange change,
        ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = change.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = (await ProductsBySku.FindAsync(session, [sku], cancellationToken)).FirstOrDefault();
        if (product?.SellerId != user.SellerId())
        {
            return TypedResults.NotFound();
        }

        var (found, level, refusal) = await RestockEndpoint.RestockAsync(session, sku, change, cancellationToken);
        return !found ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal)
            : TypedResults.Ok(level!);
    }

    /// <summary>The lock a seller's suspension and its product changes take, so that none is published past a suspension.</summary>
    public static string SellerLock(string sellerId) => "seller:" + sellerId;

    private static async Task<IReadOnlyDictionary<string, StockLevel>> StockOfAsync(IQuerySession session, IReadOnlyList<Product> products,
        CancellationToken cancellationToken) =>
        (await session.LoadManyAsync<StockLevel>(cancellationToken, products.SelectMany(product => product.SkuCodes).ToArray()))
            .ToDictionary(level => level.Id);
}
