using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.OrderProcess;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>The customer's own orders. Another customer's order answers exactly as a missing one [ALL-05].</summary>
public static class CustomerOrderEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapCustomerOrders(this RouteGroupBuilder orders)
    {
        orders.MapGet("/", ListMineAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("ListMyOrders").WithSummary("My orders, newest first [FR-02]");
        orders.MapGet("/{orderId:guid}", GetAsync).RequireAuthorization()
            .WithName("GetOrder").WithSummary("An order with its status history, lines, amounts and shipments [JI-08]");
        orders.MapPost("/{orderId:guid}/cancel", CancelAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("CancelOrder").WithSummary("Cancel where the shop allows it [FR-06, JI-06]; 409 otherwise");
        return orders;
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderSummary>>, ValidationProblem>> ListMineAsync(
        ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page ≥ 1, pageSize between 1 and {MaxPageSize}."] });
        }

        var customerId = user.CustomerId() ?? Guid.Empty;
        var orders = await session.Query<Order>().Where(order => order.CustomerId == customerId)
            .OrderByDescending(order => order.PlacedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OrderSummary>>(orders.Select(OrderSummary.Of).ToList());
    }

    private static async Task<Results<Ok<OrderView>, NotFound>> GetAsync(
        Guid orderId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Order>(orderId, cancellationToken) is { } order && (order.CustomerId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(OrderView.Of(order))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderView>, NotFound, ProblemHttpResult>> CancelAsync(
        Guid orderId, ClaimsPrincipal user, IDocumentStore store, OrderPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        // A stock or payment event may land on the order meanwhile: decide again on the newer order.
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var now = time.GetUtcNow();
            string? refusal = null;
            var (order, events) = await OrderStreams.DecideAsync(session, orderId, order =>
            {
                if (order.CustomerId != user.CustomerId())
                {
                    return [];
                }

                (var decided, refusal) = Domain.OrderProcess.Cancel(order, now, policy);
                return decided;
            }, cancellationToken);
            if (order is null || order.CustomerId != user.CustomerId())
            {
                return TypedResults.NotFound();
            }

            if (refusal is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order can no longer be cancelled.", detail: refusal);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(OrderView.Of(events.Aggregate(order, (state, @event) => state.Next(@event))));
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
            }
        }
    }
}
