using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Catalog.Features.Sellers;

public sealed record SuspensionRequest(string? Reason);

/// <summary>
/// Operations suspend a marketplace seller (after a misconduct report, say): its products are withdrawn at once and none can be published
/// until they reinstate it [MP-01, MP-11]. Elsewhere there are no sellers (404).
/// </summary>
public static class SellerSuspensionEndpoints
{
    public static RouteGroupBuilder MapSellerSuspension(this RouteGroupBuilder catalog)
    {
        var suspension = catalog.MapGroup("/sellers/{sellerId}/suspension").RequireAuthorization(PlatformAuthentication.Ops);
        suspension.MapPost("", SuspendAsync).WithName("SuspendSeller")
            .WithSummary("Ops: suspend a seller with the reason it is told; its products are withdrawn until it is reinstated [MP-01, MP-11]")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        suspension.MapDelete("", ReinstateAsync).WithName("ReinstateSeller")
            .WithSummary("Ops: reinstate a suspended seller; it may publish its products again")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return catalog;
    }

    private static async Task<Results<Ok<Seller>, ValidationProblem, ProblemHttpResult>> SuspendAsync(string sellerId, SuspensionRequest request,
        IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Why the seller is suspended, as it is told (up to 1000 characters)."] });
        }

        return await ChangeAsync(session, sellerId, async seller =>
        {
            var products = await session.Query<Product>().Where(product => product.SellerId == seller.Id).ToListAsync(cancellationToken);
            var (suspended, withdrawn, refusal) = SellerSuspension.Suspend(seller, products, request.Reason.Trim(), time.GetUtcNow());
            foreach (var product in withdrawn)
            {
                session.Store(product);
            }

            return (suspended, refusal);
        }, cancellationToken);
    }

    private static Task<Results<Ok<Seller>, ValidationProblem, ProblemHttpResult>> ReinstateAsync(string sellerId, IDocumentSession session,
        CancellationToken cancellationToken) =>
        ChangeAsync(session, sellerId, seller => Task.FromResult(SellerSuspension.Reinstate(seller)), cancellationToken);

    private static async Task<Results<Ok<Seller>, ValidationProblem, ProblemHttpResult>> ChangeAsync(IDocumentSession session, string sellerId,
        Func<Seller, Task<(Seller? Changed, string? Refusal)>> change, CancellationToken cancellationToken)
    {
        // A suspension and a reinstatement (or a product published) at once: one after the other.
        await AdvisoryLocks.LockAsync(session, [SellerProductEndpoints.SellerLock(sellerId)], cancellationToken);
        if (sellerId.Length > 100 || await session.LoadAsync<Seller>(sellerId, cancellationToken) is not { } seller)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such seller.");
        }

        var (changed, refusal) = await change(seller);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Store(changed!);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(changed!);
    }
}
