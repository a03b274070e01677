using OrderPlatform.Messaging.Persistence;
using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.StockReservations;
using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Features.InStoreReservations;

/// <summary>
/// Ends the in-store holds whose two days ran out and puts the units back on the shelf [FR-21]. The
/// deadlines are stored with the reservations, so a restart misses none; time comes from TimeProvider.
/// </summary>
public sealed class ReservationExpiry(IDocumentStore store, TimeProvider time, ILogger<ReservationExpiry> logger) : DeadlineScan(time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => Every;

    protected override string What => "expired in-store holds";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => ExpireDueAsync(store, now, cancellationToken);

    /// <summary>Expires every confirmed hold due at <paramref name="now"/>, each in its own transaction; returns how many.</summary>
    public static async Task<int> ExpireDueAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var reader = store.QuerySession();
        var due = await reader.Query<InStoreReservation>()
            .Where(reservation => reservation.Status == InStoreReservation.Confirmed && reservation.HoldUntil <= now)
            .Select(reservation => reservation.Id).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var known = await session.LoadAsync<InStoreReservation>(id, cancellationToken);
            if (known is null)
            {
                continue;
            }

            var stockId = StoreStock.IdFor(known.StoreId, known.Sku);
            await AdvisoryLocks.LockAsync(session, ["store:" + stockId], cancellationToken);
            var current = await session.LoadAsync<InStoreReservation>(id, cancellationToken) ?? known;
            var (reservation, stockAfter) = InStoreHolds.Expire(current, await session.LoadAsync<StoreStock>(stockId, cancellationToken), now);
            if (reservation.Status == current.Status)
            {
                continue; // already expired by another scan
            }

            session.Store(reservation);
            if (stockAfter is not null)
            {
                session.Store(stockAfter);
            }

            session.Events.Append(reservation.Id, new InStoreReservationExpired(reservation.Id, reservation.CustomerId, reservation.StoreId, reservation.Sku));
            await session.SaveChangesAsync(cancellationToken);
            expired++;
        }

        return expired;
    }
}
