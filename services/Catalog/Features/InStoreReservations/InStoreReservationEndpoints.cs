using OrderPlatform.Messaging.Persistence;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;
using OrderPlatform.Catalog.Features.StockReservations;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Catalog.Features.InStoreReservations;

public sealed record InStoreReservationRequest(string? Sku, string? StoreId);

public sealed record InStoreReservationView(Guid ReservationId, string Status, string StoreId, string Sku, DateTimeOffset HoldUntil)
{
    public static InStoreReservationView Of(InStoreReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return new(reservation.Id, reservation.Status, reservation.StoreId, reservation.Sku, reservation.HoldUntil);
    }
}

public static class InStoreReservationEndpoints
{
    public static RouteGroupBuilder MapInStoreReservations(this RouteGroupBuilder catalog)
    {
        catalog.MapPost("/reservations", ReserveAsync)
            .RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("ReserveInStore")
            .WithSummary("E-Réservation: hold a SKU in a store for two days, free, no obligation to buy [FR-21]");
        catalog.MapGet("/reservations/{reservationId:guid}", GetAsync)
            .RequireAuthorization()
            .WithName("GetInStoreReservation")
            .WithSummary("One of my in-store reservations");
        return catalog;
    }

    private static async Task<Results<Created<InStoreReservationView>, ValidationProblem, NotFound, ProblemHttpResult>> ReserveAsync(
        InStoreReservationRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Sku))
        {
            errors["sku"] = ["The SKU is required."];
        }

        if (string.IsNullOrWhiteSpace(request.StoreId))
        {
            errors["storeId"] = ["The store is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var store = await session.LoadAsync<Store>(request.StoreId!, cancellationToken);
        var product = (await ProductsBySku.FindAsync(session, [request.Sku!], cancellationToken)).FirstOrDefault(candidate => candidate.Published);
        if (store is null || product is null)
        {
            return TypedResults.NotFound();
        }

        var stockId = StoreStock.IdFor(store.Id, request.Sku!);
        await AdvisoryLocks.LockAsync(session, ["store:" + stockId], cancellationToken);
        var now = time.GetUtcNow();
        var (reservation, stockAfter, refusal) = InStoreHolds.Reserve(Guid.CreateVersion7(now), user.CustomerId()!.Value, store.Id, request.Sku!,
            await session.LoadAsync<StoreStock>(stockId, cancellationToken), now);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Store(reservation!);
        session.Store(stockAfter!);
        session.Events.StartStream(reservation!.Id, new InStoreReservationConfirmed(reservation.Id, reservation.CustomerId, store.Id, store.Name,
            reservation.Sku, product.Name, reservation.HoldUntil));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/catalog/reservations/{reservation.Id}", InStoreReservationView.Of(reservation));
    }

    private static async Task<Results<Ok<InStoreReservationView>, NotFound>> GetAsync(
        Guid reservationId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<InStoreReservation>(reservationId, cancellationToken) is { } reservation
        && (reservation.CustomerId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(InStoreReservationView.Of(reservation))
            : TypedResults.NotFound();
}
