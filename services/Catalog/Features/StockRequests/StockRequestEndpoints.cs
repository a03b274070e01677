using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.Catalog.Features.StockRequests;

public static class StockRequestEndpoints
{
    public static RouteGroupBuilder MapStockRequests(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/orders/{orderId:guid}/stock", async Task<Results<Ok<OrderStockRequest>, NotFound>> (
                Guid orderId, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<OrderStockRequest>(orderId, cancellationToken) is { } request
                    ? TypedResults.Ok(request)
                    : TypedResults.NotFound())
            .WithName("GetOrderStockRequest")
            .WithSummary("The stock an order asked Catalog for");
        return catalog;
    }
}
