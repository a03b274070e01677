using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>
/// Lines a seller has not shipped within the delay shown on the product are flagged: the buyer and the seller are e-mailed once per line
/// [MP-08]. The flag is stored on the order's stream, so a restart or a second copy tells no one twice.
/// </summary>
public sealed class LateLineScan(IDocumentStore store, IOptions<ShippingOptions> options, TimeProvider time, ILogger<LateLineScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => options.Value.LateLineScanInterval;

    protected override string What => "orders with sellers' lines newly late";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => FlagDueAsync(store, now, cancellationToken);

    public static async Task<int> FlagDueAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var since = now.AddDays(-90);
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            // Only orders with a seller's delay can be late: a shop of its own reads none.
            due = (await query.Query<OrderToShip>().Where(order => order.HandedOffAt >= since && order.Lines.Any(line => line.ShipsWithinDays != null))
                    .ToListAsync(cancellationToken))
                .Where(order => SellerOrders.FlagLate(order, now).Count > 0).Select(order => order.Id).ToList();
        }

        var flagged = 0;
        foreach (var orderId in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<OrderToShip>(orderId, cancellationToken);
            if (stream.Aggregate is not { } order || SellerOrders.FlagLate(order, now) is not { Count: > 0 } events)
            {
                continue;
            }

            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                flagged++;
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Another copy flagged it, or a parcel left meanwhile: the next scan decides on the newer order.
            }
        }

        return flagged;
    }
}
