using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.StockReservations;

public static class StockReservationEndpoints
{
    public static RouteGroupBuilder MapStockReservations(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/orders/{orderId:guid}/stock", async Task<Results<Ok<StockReservation>, NotFound>> (
                Guid orderId, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<StockReservation>(orderId, cancellationToken) is { } reservation
                    ? TypedResults.Ok(reservation)
                    : TypedResults.NotFound())
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetOrderStock")
            .WithSummary("What Catalog reserved for an order, line by line (reserved or unavailable)");
        return catalog;
    }
}
