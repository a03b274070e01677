using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

public static class PlaceOrderEndpoint
{
    public static RouteGroupBuilder MapPlaceOrder(this RouteGroupBuilder orders)
    {
        orders.MapPost("/", HandleAsync)
            .RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("PlaceOrder")
            .WithSummary("Checkout: places an order")
            .WithDescription("Appends OrderPlaced to a new order stream; stock, payment and notification follow through events.");
        return orders;
    }

    private static async Task<Results<Accepted<OrderAccepted>, ValidationProblem>> HandleAsync(
        PlaceOrderRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = PlaceOrderValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var lines = request.Lines!.Select(line => new RequestedLine(line.Sku!, line.Quantity)).ToList();
        var customerId = user.CustomerId() ?? throw new InvalidOperationException("A customer token has a subject.");
        var placed = OrderPlacement.Decide(new Domain.PlaceOrder(Guid.CreateVersion7(now), customerId, lines, now));

        session.Events.StartStream<Order>(placed.OrderId, placed);
        await session.SaveChangesAsync(cancellationToken);

        return TypedResults.Accepted($"/api/orders/{placed.OrderId}", new OrderAccepted(placed.OrderId, placed.OrderNumber, OrderStatus.Placed));
    }
}
