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
        const string NotTheirs = "not the customer's order";
        var (order, refusal) = await OrderStreams.DecideAndSaveAsync(store, orderId,
            order => order.CustomerId == user.CustomerId() ? Domain.OrderProcess.Cancel(order, time.GetUtcNow(), policy) : ([], NotTheirs),
            cancellationToken);
        return order is null || refusal == NotTheirs ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order can no longer be cancelled.", detail: refusal)
            : TypedResults.Ok(OrderView.Of(order));
    }
}
