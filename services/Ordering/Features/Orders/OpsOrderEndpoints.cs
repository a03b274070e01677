using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Features.OrderProcess;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>An order an operator should look at: it has waited in its status longer than it should [ALL-07].</summary>
public sealed record StuckOrder(Guid OrderId, string OrderNumber, string Status, DateTimeOffset StatusSince, TimeSpan Waiting, TimeSpan Threshold);

public static class OpsOrderEndpoints
{
    public static RouteGroupBuilder MapOpsOrders(this RouteGroupBuilder ops)
    {
        ops.MapGet("/", ListAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListOrdersForOps").WithSummary("Orders by status, newest first");
        ops.MapGet("/stuck", StuckAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListStuckOrders").WithSummary("Orders waiting in a non-terminal status past its threshold, longest first [ALL-07]");
        ops.MapGet("/counts", CountsAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CountOrdersByStatus").WithSummary("How many orders are in each status");
        ops.MapPost("/{orderId:guid}/hand-off", HandOffNowAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("HandOrderToLogisticsNow")
            .WithSummary("Ops: send a confirmed order to the warehouse now, unless the customer may still cancel until hand-off [JI-06]; 409 otherwise");
        ops.MapPost("/{orderId:guid}/cancellation", CancelAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CancelOrderForOperations")
            .WithSummary("Ops: cancel an order whose payment is escalated, before anything of it ships: charged money refunded, holds released, the customer told; 409 otherwise")
            .ProducesProblem(StatusCodes.Status409Conflict);
        ops.MapPost("/{orderId:guid}/returned-parcels/{shipmentId:guid}/reship", (Guid orderId, Guid shipmentId, IDocumentStore store, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
                SettleReturnedParcelAsync(orderId, shipmentId, ReturnedParcelSettled.Reshipped, store, time, user, cancellationToken))
            .RequireAuthorization(PlatformAuthentication.Ops).WithName("ReshipReturnedParcel")
            .WithSummary("Ops: a parcel back at the warehouse is sent again, free, at the customer's request [ALL-07]; 409 once settled");
        ops.MapPost("/{orderId:guid}/returned-parcels/{shipmentId:guid}/refund", (Guid orderId, Guid shipmentId, IDocumentStore store, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
                SettleReturnedParcelAsync(orderId, shipmentId, ReturnedParcelSettled.Refunded, store, time, user, cancellationToken))
            .RequireAuthorization(PlatformAuthentication.Ops).WithName("RefundReturnedParcel")
            .WithSummary("Ops: a parcel back at the warehouse is refunded now rather than at its settle-by date [ALL-07]; 409 once settled");
        return ops;
    }

    private static async Task<Results<Ok<OrderView>, NotFound, ProblemHttpResult>> HandOffNowAsync(
        Guid orderId, IDocumentStore store, OrderPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var (order, refusal) = await OrderStreams.DecideAndSaveAsync(store, orderId,
            order => Domain.OrderProcess.HandOffNow(order, time.GetUtcNow(), policy), cancellationToken);
        return order is null ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order cannot go to logistics now.", detail: refusal)
            : TypedResults.Ok(OrderView.Of(order));
    }

    private static async Task<Results<Ok<OrderView>, NotFound, ProblemHttpResult>> CancelAsync(Guid orderId, IDocumentStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (order, refusal) = await OrderStreams.DecideAndSaveAsync(store, orderId,
            order => Domain.OrderProcess.CancelByOperations(order, time.GetUtcNow()), cancellationToken);
        return order is null ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order cannot be cancelled by operations.", detail: refusal)
            : TypedResults.Ok(OrderView.Of(order));
    }

    private static async Task<Results<Ok<OrderView>, NotFound, ProblemHttpResult>> SettleReturnedParcelAsync(Guid orderId, Guid shipmentId,
        string outcome, IDocumentStore store, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var by = user.CustomerId() is { } operatorId ? $"ops:{operatorId}" : "ops";
        var (order, refusal) = await OrderStreams.DecideAndSaveAsync(store, orderId,
            order => Domain.OrderProcess.SettleReturnedParcel(order, shipmentId, outcome, by, time.GetUtcNow()), cancellationToken);
        return order is null ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This parcel cannot be settled so.", detail: refusal)
            : TypedResults.Ok(OrderView.Of(order));
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderSummary>>, ValidationProblem>> ListAsync(
        IQuerySession session, CancellationToken cancellationToken, string? status = null, int limit = 100)
    {
        if (status is not null && !OrderStatus.All.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", OrderStatus.All)}."] });
        }

        var query = session.Query<Order>().AsQueryable();
        if (status is not null)
        {
            query = query.Where(order => order.Status == status);
        }

        var orders = await query.OrderByDescending(order => order.StatusSince).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OrderSummary>>(orders.Select(OrderSummary.Of).ToList());
    }

    private static async Task<Ok<IReadOnlyList<StuckOrder>>> StuckAsync(
        IQuerySession session, OrderPolicy policy, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StuckOrders.FindAsync(session, policy, time.GetUtcNow(), cancellationToken));

    private static async Task<Ok<IReadOnlyDictionary<string, int>>> CountsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        foreach (var status in OrderStatus.All)
        {
            counts[status] = await session.Query<Order>().CountAsync(order => order.Status == status, cancellationToken);
        }

        return TypedResults.Ok<IReadOnlyDictionary<string, int>>(counts);
    }
}

public static class StuckOrders
{
    public static async Task<IReadOnlyList<StuckOrder>> FindAsync(IQuerySession session, OrderPolicy policy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        var found = new List<StuckOrder>();
        foreach (var (status, threshold) in policy.StuckAfter)
        {
            var since = now - threshold;
            var orders = await session.Query<Order>().Where(order => order.Status == status && order.StatusSince < since)
                .OrderBy(order => order.StatusSince).Take(200).ToListAsync(cancellationToken);
            found.AddRange(orders.Select(order => new StuckOrder(order.Id, order.OrderNumber, order.Status, order.StatusSince, now - order.StatusSince,
                threshold)));
        }

        return found.OrderByDescending(order => order.Waiting - order.Threshold).ToList();
    }
}
