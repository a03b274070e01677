using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>
/// Reserves an order's stock when it is placed, all its lines in one transaction, each SKU locked before
/// its level is read: two customers never both get the last unit [ALL-03].
/// </summary>
public sealed class ReserveStockConsumer(IDocumentStore store, TimeProvider time, ILogger<ReserveStockConsumer> logger, StockPolicy policy)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stock = await StockLocks.LockAndLoadAsync(session, message.Lines.Select(line => line.Sku), cancellationToken);
        var allocation = StockAllocation.Allocate(message.Lines, stock, policy);
        session.Store(allocation.StockAfter.ToArray());
        if (allocation.ShortLinesBackordered)
        {
            var since = time.GetUtcNow();
            session.Store(allocation.Unavailable
                .Select(line => new Backorder(Backorder.IdFor(message.OrderId, line.LineId), message.OrderId, line.LineId, line.Sku, line.Requested, since))
                .ToArray());
        }

        session.Events.StartStream<StockReservation>(message.OrderId, StockAllocation.Events(message.OrderId, allocation).ToArray());
    }
}
