using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;
using OrderPlatform.Catalog.Features.StockReservations;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Catalog.Features.Restock;

public static class RestockEndpoint
{
    public static RouteGroupBuilder MapRestock(this RouteGroupBuilder catalog)
    {
        catalog.MapPut("/stock/{sku}", HandleAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("Restock")
            .WithSummary("Set (onHand) or add to (add) a SKU's units on hand; serves waiting backorders; never for outlet articles [FR-22, JI-09]");
        return catalog;
    }

    private static async Task<Results<Ok<StockLevel>, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        string sku, StockChange change, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = change.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (found, level, refusal) = await RestockAsync(session, sku, change, cancellationToken);
        return !found ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal)
            : TypedResults.Ok(level!);
    }

    /// <summary>
    /// Changes a SKU's units on hand under its lock and reserves the backorders the new units serve,
    /// appending StockReserved to each served order's stock stream (so Ordering and the customer learn it).
    /// </summary>
    public static async Task<(bool Found, StockLevel? Level, string? Refusal)> RestockAsync(
        IDocumentSession session, string sku, StockChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var product = (await ProductsBySku.FindAsync(session, [sku], cancellationToken)).FirstOrDefault();
        if (product is null)
        {
            return (false, null, null);
        }

        var stock = await StockLocks.LockAndLoadAsync(session, [sku], cancellationToken);
        var waiting = await Backorders.WaitingForAsync(session, [sku], cancellationToken);
        var (level, served, refusal) = Restocking.Restock(product, stock.GetValueOrDefault(sku) ?? new StockLevel(sku, 0), change, waiting);
        if (refusal is not null)
        {
            return (true, null, refusal);
        }

        session.Store(level!);
        Backorders.Reserve(session, served);

        await session.SaveChangesAsync(cancellationToken);
        return (true, level, null);
    }
}
