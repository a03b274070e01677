using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.GetOrder;

public static class GetOrderEndpoint
{
    public static RouteGroupBuilder MapGetOrder(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderId:guid}", HandleAsync)
            .WithName("GetOrder")
            .WithSummary("An order with its status history");
        return orders;
    }

    private static async Task<Results<Ok<OrderView>, NotFound>> HandleAsync(
        Guid orderId, IQuerySession session, CancellationToken cancellationToken)
    {
        var order = await session.LoadAsync<Order>(orderId, cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderView.Of(order));
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
