using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.GetOrder;

public static class GetOrderEndpoint
{
    public static RouteGroupBuilder MapGetOrder(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderId:guid}", HandleAsync)
            .RequireAuthorization()
            .WithName("GetOrder")
            .WithSummary("An order with its status history");
        return orders;
    }

    private static async Task<Results<Ok<OrderView>, NotFound>> HandleAsync(
        Guid orderId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        // Another customer's order answers exactly as a missing one [ALL-05].
        var order = await session.LoadAsync<Order>(orderId, cancellationToken);
        return order is not null && (order.CustomerId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(OrderView.Of(order))
            : TypedResults.NotFound();
    }
}

public sealed record OrderView(
    Guid OrderId,
    string OrderNumber,
    string Status,
    IReadOnlyList<StatusChange> StatusHistory,
    IReadOnlyList<OrderLineView> Lines)
{
    public static OrderView Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderView(order.Id, order.OrderNumber, order.Status, order.StatusHistory,
            order.Lines.Select(line => new OrderLineView(line.LineId, line.Sku, line.Quantity)).ToList());
    }
}

public sealed record OrderLineView(string LineId, string Sku, int Quantity);
