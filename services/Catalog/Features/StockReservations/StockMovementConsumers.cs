using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>
/// Moves an order's reserved stock when the order moves on: under the same SKU locks as the reservation,
/// on the reservation as it stands after them. A message about an order whose stock Catalog has not
/// decided yet is retried (it was consumed ahead of its OrderPlaced), then kept in the error queue.
/// </summary>
public abstract class StockMovementConsumer<TMessage>(IDocumentStore store, TimeProvider time, ILogger logger)
    : IdempotentConsumer<TMessage>(store, time, logger) where TMessage : class
{
    protected abstract Guid OrderOf(TMessage message);

    /// <summary>Whether the order stops waiting for restocks too (it will not ship at all).</summary>
    protected virtual bool EndsBackorders => false;

    protected abstract Movement Decide(TMessage message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock);

    protected override async Task HandleAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var orderId = OrderOf(message);
        var known = await session.LoadAsync<StockReservation>(orderId, cancellationToken)
            ?? throw new MessageArrivedEarlyException($"the stock of order {orderId} to be decided");
        var stock = await StockLocks.LockAndLoadAsync(session, known.Lines.Select(line => line.Sku), cancellationToken);
        var reservation = await session.LoadAsync<StockReservation>(orderId, cancellationToken) ?? known;

        var movement = Decide(message, reservation, stock);
        if (EndsBackorders)
        {
            session.DeleteWhere<Backorder>(backorder => backorder.OrderId == orderId);
        }

        if (movement.Event is not null)
        {
            var stockAfter = movement.Event is StockReleased or StockReceivedBack
                ? await ServeBackordersAsync(session, orderId, movement.StockAfter, cancellationToken)
                : movement.StockAfter;
            session.Store(stockAfter.ToArray());
            session.Events.Append(orderId, movement.Event);
        }
    }

    /// <summary>
    /// Units back on the shelf go first to the lines waiting for them, as a delivery's would [JI-09]: the customer who has waited does
    /// not lose them to the next order. This order's own backorders are not served (a cancellation ends them).
    /// </summary>
    private static async Task<IReadOnlyList<StockLevel>> ServeBackordersAsync(IDocumentSession session, Guid orderId, IReadOnlyList<StockLevel> levels,
        CancellationToken cancellationToken)
    {
        var waiting = (await Backorders.WaitingForAsync(session, levels.Where(level => level.Available).Select(level => level.Id).ToList(), cancellationToken))
            .Where(backorder => backorder.OrderId != orderId).ToList();
        if (waiting.Count == 0)
        {
            return levels;
        }

        var after = new List<StockLevel>();
        foreach (var level in levels)
        {
            var (served, lines) = Restocking.Serve(level, waiting);
            Backorders.Reserve(session, lines);
            after.Add(served);
        }

        return after;
    }
}

public sealed class ReleaseStockOnCancellation(IDocumentStore store, TimeProvider time, ILogger<ReleaseStockOnCancellation> logger)
    : StockMovementConsumer<OrderCancelled>(store, time, logger)
{
    protected override Guid OrderOf(OrderCancelled message) => message.OrderId;

    protected override bool EndsBackorders => true;

    // Cancelled because the warehouse found nothing: those units are gone, and the write-off takes them, whichever arrives first.
    protected override Movement Decide(OrderCancelled message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        message.Reason == OrderCancelled.FoundMissing ? Movement.None : StockMovements.Release(reservation, stock);
}

public sealed class ReleaseStockOnRefusedPayment(IDocumentStore store, TimeProvider time, ILogger<ReleaseStockOnRefusedPayment> logger)
    : StockMovementConsumer<PaymentRefused>(store, time, logger)
{
    protected override Guid OrderOf(PaymentRefused message) => message.OrderId;

    protected override bool EndsBackorders => true;

    protected override Movement Decide(PaymentRefused message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        StockMovements.Release(reservation, stock);
}

public sealed class CommitStockOnShipment(IDocumentStore store, TimeProvider time, ILogger<CommitStockOnShipment> logger)
    : StockMovementConsumer<OrderShipped>(store, time, logger)
{
    protected override Guid OrderOf(OrderShipped message) => message.OrderId;

    protected override Movement Decide(OrderShipped message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        message.Replacement
            ? StockMovements.ShipReplacement(reservation, message.ShipmentId, message.Lines, stock)
            : StockMovements.Ship(reservation, message.Lines, stock);
}

/// <summary>The customer took units out of the order before hand-off [JI-06]: they are on sale again.</summary>
public sealed class ReleaseStockOnModification(IDocumentStore store, TimeProvider time, ILogger<ReleaseStockOnModification> logger)
    : StockMovementConsumer<OrderModified>(store, time, logger)
{
    protected override Guid OrderOf(OrderModified message) => message.OrderId;

    protected override Movement Decide(OrderModified message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        StockMovements.ReleaseSome(reservation, message.Removed, stock);
}

/// <summary>The warehouse's reception: a parcel back from the carrier puts its units on the shelf again [ALL-07].</summary>
public sealed class ReceiveReturnedParcel(IDocumentStore store, TimeProvider time, ILogger<ReceiveReturnedParcel> logger)
    : StockMovementConsumer<ParcelReturnedToWarehouse>(store, time, logger)
{
    protected override Guid OrderOf(ParcelReturnedToWarehouse message) => message.OrderId;

    protected override Movement Decide(ParcelReturnedToWarehouse message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        StockMovements.ReceiveBack(reservation, message.ShipmentId, message.Lines ?? [], stock);
}

public sealed class WriteOffMissingStock(IDocumentStore store, TimeProvider time, ILogger<WriteOffMissingStock> logger)
    : StockMovementConsumer<LinesFoundMissing>(store, time, logger)
{
    protected override Guid OrderOf(LinesFoundMissing message) => message.OrderId;

    protected override Movement Decide(LinesFoundMissing message, StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock) =>
        StockMovements.WriteOff(reservation, message.Lines, stock);
}
