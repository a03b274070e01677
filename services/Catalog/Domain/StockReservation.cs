using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Domain;

/// <summary>An order's stock as Catalog decided it: the fold of its stock events.</summary>
/// <param name="Parcels">Parcels whose units came back or left as a replacement: each moves the shelf once.</param>
public sealed record StockReservation(Guid Id, IReadOnlyList<ReservationLine> Lines, IReadOnlyList<Guid>? Parcels = null)
{
    public const string Reserved = "reserved";
    public const string Unavailable = "unavailable";
    public const string Backordered = "backordered";
    public const string Released = "released";
    public const string Shipped = "shipped";
    public const string Missing = "missing";

    public static StockReservation Create(StockReserved reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        return new StockReservation(reserved.OrderId, []).Apply(reserved);
    }

    public static StockReservation Create(StockUnavailable unavailable)
    {
        ArgumentNullException.ThrowIfNull(unavailable);
        return new StockReservation(unavailable.OrderId, []).Apply(unavailable);
    }

    public static StockReservation Create(StockBackordered backordered)
    {
        ArgumentNullException.ThrowIfNull(backordered);
        return new StockReservation(backordered.OrderId, []).Apply(backordered);
    }

    public StockReservation Apply(StockBackordered backordered) =>
        this with { Lines = [.. Lines, .. backordered.Lines.Select(line => new ReservationLine(line.LineId, line.Sku, line.Requested, Backordered))] };

    public StockReservation Apply(StockReleased released) => Mark(released.Lines, Released);

    public StockReservation Apply(StockShipped shipped) => Mark(shipped.Lines, Shipped);

    public StockReservation Apply(StockWrittenOff writtenOff) => Mark(writtenOff.Lines, Missing);

    public StockReservation Apply(StockReceivedBack received) => this with { Parcels = [.. Parcels ?? [], received.ShipmentId] };

    public StockReservation Apply(ReplacementStockShipped shipped) => this with { Parcels = [.. Parcels ?? [], shipped.ShipmentId] };

    /// <summary>The lines moved take the new status; a line partly moved keeps the rest reserved.</summary>
    private StockReservation Mark(IReadOnlyList<ReservedLine> moved, string status)
    {
        var lines = new List<ReservationLine>();
        foreach (var line in Lines)
        {
            var move = moved.FirstOrDefault(candidate => candidate.LineId == line.LineId && line.Status == Reserved);
            if (move is null)
            {
                lines.Add(line);
                continue;
            }

            lines.Add(line with { Quantity = move.Quantity, Status = status });
            if (line.Quantity > move.Quantity)
            {
                lines.Add(line with { Quantity = line.Quantity - move.Quantity });
            }
        }

        return this with { Lines = lines };
    }

    /// <summary>Reserved lines are added, or, for a backordered line a restock served, replace it.</summary>
    public StockReservation Apply(StockReserved reserved) => this with
    {
        Lines = [
            .. Lines.Where(line => !(line.Status == Backordered && reserved.Lines.Any(served => served.LineId == line.LineId))),
            .. reserved.Lines.Select(line => new ReservationLine(line.LineId, line.Sku, line.Quantity, Reserved)),
        ],
    };

    public StockReservation Apply(StockUnavailable unavailable) =>
        this with { Lines = [.. Lines, .. unavailable.Lines.Select(line => new ReservationLine(line.LineId, line.Sku, line.Requested, Unavailable))] };
}

public sealed record ReservationLine(string LineId, string Sku, int Quantity, string Status);
