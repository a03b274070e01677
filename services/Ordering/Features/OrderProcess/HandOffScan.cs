using Marten;
using OrderPlatform.ServiceDefaults.Persistence;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.OrderProcess;

/// <summary>
/// Sends confirmed orders to logistics once their hand-off time has come. The due time is stored on the
/// order, so a restart loses nothing: the next scan finds what fell due meanwhile [FR-09, JI-06].
/// </summary>
public sealed class HandOffScan(IDocumentStore store, TimeProvider time, IConfiguration configuration, ILogger<HandOffScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => configuration.GetValue<TimeSpan?>("Ordering:HandOffScanInterval") ?? TimeSpan.FromSeconds(15);

    protected override string What => "orders handed to logistics";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => HandOffDueAsync(store, now, cancellationToken);

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

        var handedOff = 0;
        foreach (var orderId in due)
        {
            await using var session = store.LightweightSession();
            var (_, events) = await OrderStreams.DecideAsync(session, orderId, order => Domain.OrderProcess.HandOff(order, now), cancellationToken);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                handedOff += events.Count > 0 ? 1 : 0;
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Something else happened to the order meanwhile (a cancellation): the next scan decides again.
            }
        }

        return handedOff;
    }
}
