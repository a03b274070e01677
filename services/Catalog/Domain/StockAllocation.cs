using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Domain;

/// <summary>What reserving an order's stock decides: the lines reserved, the lines short, the stock after.</summary>
public sealed record Allocation(
    IReadOnlyList<ReservedLine> Reserved,
    IReadOnlyList<UnavailableLine> Unavailable,
    IReadOnlyList<StockLevel> StockAfter,
    bool ShortLinesBackordered = false);

public static class StockAllocation
{
    /// <summary>
    /// Reserves each line that has enough available units and reports each that has not, with what is
    /// available. A SKU never seen has none. Nothing is reserved twice and nothing goes below zero [ALL-03].
    /// Under a backordering policy the short lines are backordered rather than refused [JI-09].
    /// </summary>
    public static Allocation Allocate(IReadOnlyList<OrderedLine> lines, IReadOnlyDictionary<string, StockLevel> stock, StockPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stock);
        var levels = new Dictionary<string, StockLevel>(stock);
        var reserved = new List<ReservedLine>();
        var unavailable = new List<UnavailableLine>();
        foreach (var line in lines)
        {
            var level = levels.GetValueOrDefault(line.Sku) ?? new StockLevel(line.Sku, OnHand: 0);
            if (line.Quantity > 0 && level.AvailableUnits >= line.Quantity)
            {
                levels[line.Sku] = level with { Reserved = level.Reserved + line.Quantity };
                reserved.Add(new ReservedLine(line.LineId, line.Sku, line.Quantity));
            }
            else
            {
                unavailable.Add(new UnavailableLine(line.LineId, line.Sku, line.Quantity, level.AvailableUnits));
            }
        }

        var changed = reserved.Select(line => line.Sku).Distinct().Select(sku => levels[sku]).ToList();
        return new Allocation(reserved, unavailable, changed, policy?.BackorderWhenShort == true);
    }

    /// <summary>The events an allocation appends: StockReserved and/or StockUnavailable (or StockBackordered), never an empty one.</summary>
    public static IEnumerable<object> Events(Guid orderId, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (allocation.Reserved.Count > 0)
        {
            yield return new StockReserved(orderId, allocation.Reserved);
        }

        if (allocation.Unavailable.Count > 0)
        {
            yield return allocation.ShortLinesBackordered
                ? new StockBackordered(orderId, allocation.Unavailable)
                : new StockUnavailable(orderId, allocation.Unavailable);
        }
    }
}
