using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>The lines waiting for units [JI-09]: read, and reserved once units serve them, under the SKUs' locks.</summary>
public static class Backorders
{
    public static async Task<IReadOnlyList<Backorder>> WaitingForAsync(IDocumentSession session, IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return skus.Count == 0 ? [] : await session.Query<Backorder>().Where(backorder => skus.Contains(backorder.Sku)).ToListAsync(cancellationToken);
    }

    /// <summary>Takes the served lines out of the queue and appends StockReserved to each one's order (so Ordering and the customer learn it).</summary>
    public static void Reserve(IDocumentSession session, IEnumerable<Backorder> served)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var backorder in served)
        {
            session.Delete(backorder);
            session.Events.Append(backorder.OrderId, new StockReserved(backorder.OrderId, [new ReservedLine(backorder.LineId, backorder.Sku, backorder.Quantity)]));
        }
    }
}
