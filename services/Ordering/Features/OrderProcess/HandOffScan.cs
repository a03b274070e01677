using Marten;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.OrderProcess;

/// <summary>
/// Sends confirmed orders to logistics once their hand-off time has come, completes delivered orders whose
/// return window closed, and refunds parcels back at the warehouse past their settle-by date. The times are stored on the order, so a restart loses nothing: the next scan finds what
/// fell due meanwhile [FR-09, JI-06].
/// </summary>
public sealed class HandOffScan(IDocumentStore store, TimeProvider time, IConfiguration configuration, OrderPolicy policy, ILogger<HandOffScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => configuration.GetValue<TimeSpan?>("Ordering:HandOffScanInterval") ?? TimeSpan.FromSeconds(15);

    protected override string What => "orders handed to logistics, completed, or refunded for a parcel nobody asked for again";

    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await HandOffDueAsync(store, now, cancellationToken) + await CompleteDueAsync(store, policy, now, cancellationToken)
        + await RefundUnclaimedParcelsAsync(store, now, cancellationToken);

    /// <summary>Refunds every parcel back at the warehouse that nobody asked to send again by its settle-by date; how many orders.</summary>
    public static async Task<int> RefundUnclaimedParcelsAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<Order> waiting;
        await using (var query = store.QuerySession())
        {
            // Few orders wait so (a parcel nobody collected), so their parcels are read rather than indexed. An order whose rest shipped after a
            // parcel came back is no longer returned-to-warehouse, but its parcel still waits: SettleParcelsBy finds it.
            waiting = await query.Query<Order>()
                .Where(order => order.Status == OrderStatus.ReturnedToWarehouse || order.SettleParcelsBy <= now).Take(500).ToListAsync(cancellationToken);
        }

        var due = waiting.Where(order => order.Shipments.Any(shipment => shipment is { Settlement: null, SettleBy: { } by } && by <= now))
            .Select(order => order.Id).ToList();
        return await DecideEachAsync(store, due, order => Domain.OrderProcess.RefundUnclaimedParcels(order, now), cancellationToken);
    }

    /// <summary>Completes every delivered order whose return window closed by <paramref name="now"/>; how many.</summary>
    public static async Task<int> CompleteDueAsync(IDocumentStore store, OrderPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var deliveredBefore = now - (policy.ReturnWindow ?? TimeSpan.FromDays(14));
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<Order>().Where(order => order.Status == OrderStatus.Delivered && order.StatusSince <= deliveredBefore)
                .Select(order => order.Id).Take(500).ToListAsync(cancellationToken);
        }

        return await DecideEachAsync(store, due, order => Domain.OrderProcess.Complete(order, now, policy), cancellationToken);
    }

    /// <summary>Hands off every order due by <paramref name="now"/>; how many went.</summary>
    public static async Task<int> HandOffDueAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<Order>()
                .Where(order => order.Status == OrderStatus.Confirmed && order.HandOffDueAt <= now && order.PaymentIssue == null)
                .Select(order => order.Id).Take(500).ToListAsync(cancellationToken);
        }

        return await DecideEachAsync(store, due, order => Domain.OrderProcess.HandOff(order, now), cancellationToken);
    }

    private static async Task<int> DecideEachAsync(IDocumentStore store, IReadOnlyList<Guid> orderIds, Func<Order, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        var decided = 0;
        foreach (var orderId in orderIds)
        {
            await using var session = store.LightweightSession();
            var (_, events) = await OrderStreams.DecideAsync(session, orderId, decide, cancellationToken);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                decided += events.Count > 0 ? 1 : 0;
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Something else happened to the order meanwhile (a cancellation): the next scan decides again.
            }
        }

        return decided;
    }
}
