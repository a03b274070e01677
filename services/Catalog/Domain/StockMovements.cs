using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Domain;

/// <summary>Reserved units given back: the order was cancelled or its payment refused.</summary>
public sealed record StockReleased(Guid OrderId, IReadOnlyList<ReservedLine> Lines);

/// <summary>Reserved units that left the warehouse in a shipment: no longer on hand.</summary>
public sealed record StockShipped(Guid OrderId, IReadOnlyList<ReservedLine> Lines);

/// <summary>Reserved units the warehouse could not find: they never existed, so they leave the count.</summary>
public sealed record StockWrittenOff(Guid OrderId, IReadOnlyList<ReservedLine> Lines);

/// <summary>A parcel came back to the warehouse: its units are on the shelf again [ALL-07].</summary>
public sealed record StockReceivedBack(Guid OrderId, Guid ShipmentId, IReadOnlyList<ReservedLine> Lines);

/// <summary>A replacement left the warehouse: its units come off the shelf, no reservation held them.</summary>
public sealed record ReplacementStockShipped(Guid OrderId, Guid ShipmentId, IReadOnlyList<ReservedLine> Lines);

/// <summary>What a stock movement decides: the event to append (if anything moves) and the stock after.</summary>
public sealed record Movement(object? Event, IReadOnlyList<StockLevel> StockAfter)
{
    public static readonly Movement None = new(null, []);
}

/// <summary>
/// How an order's reserved stock moves after the reservation. Only lines still reserved move, so a
/// cancellation after a shipment gives back only what did not ship, and nothing moves twice.
/// </summary>
public static class StockMovements
{
    public static Movement Release(StockReservation reservation, IReadOnlyDictionary<string, StockLevel> stock)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var lines = reservation.Lines.Where(line => line.Status == StockReservation.Reserved)
            .Select(line => new ReservedLine(line.LineId, line.Sku, line.Quantity)).ToList();
        return Move(lines, stock, (level, quantity) => level with { Reserved = level.Reserved - quantity },
            () => new StockReleased(reservation.Id, lines));
    }

    /// <summary>Units the customer took out of the order before hand-off [JI-06]: back on sale, the rest of each line still reserved.</summary>
    public static Movement ReleaseSome(StockReservation reservation, IReadOnlyList<ShippedLine> removed, IReadOnlyDictionary<string, StockLevel> stock)
    {
        var lines = StillReserved(reservation, removed);
        return Move(lines, stock, (level, quantity) => level with { Reserved = level.Reserved - quantity }, () => new StockReleased(reservation.Id, lines));
    }

    public static Movement Ship(StockReservation reservation, IReadOnlyList<ShippedLine> shipped, IReadOnlyDictionary<string, StockLevel> stock) =>
        Consume(reservation, shipped, stock, lines => new StockShipped(reservation.Id, lines));

    public static Movement WriteOff(StockReservation reservation, IReadOnlyList<ShippedLine> missing, IReadOnlyDictionary<string, StockLevel> stock) =>
        Consume(reservation, missing, stock, lines => new StockWrittenOff(reservation.Id, lines));

    /// <summary>A parcel's units counted in once, whatever the number of times its return is told.</summary>
    public static Movement ReceiveBack(StockReservation reservation, Guid shipmentId, IReadOnlyList<ShippedLine> lines,
        IReadOnlyDictionary<string, StockLevel> stock) =>
        Parcel(reservation, shipmentId, lines, stock, +1, moved => new StockReceivedBack(reservation.Id, shipmentId, moved));

    /// <summary>A replacement's units counted out once.</summary>
    public static Movement ShipReplacement(StockReservation reservation, Guid shipmentId, IReadOnlyList<ShippedLine> lines,
        IReadOnlyDictionary<string, StockLevel> stock) =>
        Parcel(reservation, shipmentId, lines, stock, -1, moved => new ReplacementStockShipped(reservation.Id, shipmentId, moved));

    private static Movement Parcel(StockReservation reservation, Guid shipmentId, IReadOnlyList<ShippedLine> lines,
        IReadOnlyDictionary<string, StockLevel> stock, int sign, Func<List<ReservedLine>, object> toEvent)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(lines);
        if ((reservation.Parcels ?? []).Contains(shipmentId))
        {
            return Movement.None;
        }

        var moved = lines.Where(line => line.Quantity > 0).Select(line => new ReservedLine(line.LineId, line.Sku, line.Quantity)).ToList();
        return Move(moved, stock, (level, quantity) => level with { OnHand = level.OnHand + (sign * quantity) }, () => toEvent(moved));
    }

    /// <summary>Units leave both the reserved count and the count on hand.</summary>
    private static Movement Consume(StockReservation reservation, IReadOnlyList<ShippedLine> requested,
        IReadOnlyDictionary<string, StockLevel> stock, Func<List<ReservedLine>, object> toEvent)
    {
        var lines = StillReserved(reservation, requested);
        return Move(lines, stock,
            (level, quantity) => level with { OnHand = level.OnHand - quantity, Reserved = level.Reserved - quantity },
            () => toEvent(lines));
    }

    /// <summary>The requested units that are still reserved, never more than are.</summary>
    private static List<ReservedLine> StillReserved(StockReservation reservation, IReadOnlyList<ShippedLine> requested)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(requested);
        var reserved = reservation.Lines.Where(line => line.Status == StockReservation.Reserved).ToDictionary(line => line.LineId);
        return requested.Where(line => reserved.ContainsKey(line.LineId))
            .Select(line => new ReservedLine(line.LineId, reserved[line.LineId].Sku, Math.Min(line.Quantity, reserved[line.LineId].Quantity)))
            .ToList();
    }

    private static Movement Move(List<ReservedLine> lines, IReadOnlyDictionary<string, StockLevel> stock,
        Func<StockLevel, int, StockLevel> apply, Func<object> toEvent)
    {
        if (lines.Count == 0)
        {
            return Movement.None;
        }

        var levels = new Dictionary<string, StockLevel>();
        foreach (var line in lines)
        {
            var level = levels.GetValueOrDefault(line.Sku) ?? stock.GetValueOrDefault(line.Sku) ?? new StockLevel(line.Sku, 0);
            var after = apply(level, line.Quantity);
            levels[line.Sku] = after with { OnHand = Math.Max(0, after.OnHand), Reserved = Math.Max(0, after.Reserved) };
        }

        return new Movement(toEvent(), levels.Values.ToList());
    }
}
