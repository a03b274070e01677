using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping.Domain;

/// <summary>Ordering handed the order to the warehouse: what to ship, how, to whom.</summary>
public sealed record OrderReceivedForShipping(Guid OrderId, string OrderNumber, Guid? CustomerId, IReadOnlyList<OrderedLine> Lines, OrderDelivery Delivery,
    PostalAddress DeliveryAddress, DateTimeOffset HandedOffAt, DeliveryWindow? EstimatedDelivery);

/// <summary>The warehouse packed these lines into a shipment.</summary>
public sealed record ShipmentPrepared(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset At, bool Replacement = false);

/// <summary>These lines must leave again, free: a parcel that came back sent again, or a claim's replacement.</summary>
public sealed record ReplacementRecorded(string RequestId, IReadOnlyList<ShippedLine> Lines, string Reason, DateTimeOffset At);

/// <summary>These lines are past their seller's delay and their buyer and seller were told [MP-08]: they are not told again.</summary>
public sealed record LinesFlaggedLate(IReadOnlyList<string> LineIds, DateTimeOffset At);

/// <summary>Payment could not secure the money: nothing more leaves the warehouse until ops sort it out.</summary>
public sealed record PaymentHoldRecorded(string Reason, DateTimeOffset At);

/// <summary>The payment was settled (paid again, renewed): the warehouse may ship again.</summary>
public sealed record PaymentHoldLifted(string How, DateTimeOffset At);

/// <summary>The order was cancelled after it reached the warehouse (operations, an unsettled payment): nothing of it ships.</summary>
public sealed record OrderCancelledForShipping(DateTimeOffset At);

/// <summary>An order as the warehouse sees it: the fold of its stream in Shipping.</summary>
public sealed record OrderToShip(
    Guid Id,
    string OrderNumber,
    Guid? CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    OrderDelivery Delivery,
    PostalAddress DeliveryAddress,
    DateTimeOffset HandedOffAt,
    DeliveryWindow? EstimatedDelivery,
    IReadOnlyDictionary<string, int> ShippedQuantities,
    IReadOnlyList<string> MissingLines,
    IReadOnlyList<Guid> Shipments,
    string? PaymentHold = null,
    IReadOnlyDictionary<string, int>? Replacements = null,
    IReadOnlyList<string>? ReplacementRequests = null,
    IReadOnlyList<string>? FlaggedLate = null,
    IReadOnlyDictionary<string, int>? MissingUnits = null,
    bool Cancelled = false)
{
    public static OrderToShip Create(OrderReceivedForShipping received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return new OrderToShip(received.OrderId, received.OrderNumber, received.CustomerId, received.Lines, received.Delivery, received.DeliveryAddress,
            received.HandedOffAt, received.EstimatedDelivery, new Dictionary<string, int>(), [], []);
    }

    public OrderToShip Apply(ShipmentPrepared prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var shipped = new Dictionary<string, int>(ShippedQuantities);
        foreach (var line in prepared.Lines)
        {
            shipped[line.LineId] = shipped.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        return this with { ShippedQuantities = shipped, Shipments = [.. Shipments, prepared.ShipmentId] };
    }

    public OrderToShip Apply(ReplacementRecorded replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var again = new Dictionary<string, int>(Replacements ?? new Dictionary<string, int>());
        foreach (var line in replacement.Lines)
        {
            again[line.LineId] = again.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        return this with { Replacements = again, ReplacementRequests = [.. ReplacementRequests ?? [], replacement.RequestId] };
    }

    public OrderToShip Apply(LinesFoundMissing missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var units = new Dictionary<string, int>(MissingUnits ?? new Dictionary<string, int>());
        foreach (var line in missing.Lines)
        {
            units[line.LineId] = units.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        return this with { MissingLines = [.. MissingLines, .. missing.Lines.Select(line => line.LineId)], MissingUnits = units };
    }

    public OrderToShip Apply(PaymentHoldRecorded hold) => this with { PaymentHold = hold.Reason };

    public OrderToShip Apply(PaymentHoldLifted lifted) => this with { PaymentHold = null };

    public OrderToShip Apply(OrderCancelledForShipping cancelled) => this with { Cancelled = true };

    public OrderToShip Apply(LinesFlaggedLate flagged) => this with { FlaggedLate = [.. FlaggedLate ?? [], .. flagged.LineIds] };

    /// <summary>How many units of the line are still to ship: none of those found missing, and any replacement asked for.</summary>
    public int LeftToShip(OrderedLine line) => Math.Max(0, Ordered(line) + Replaced(line.LineId) - ShippedQuantities.GetValueOrDefault(line.LineId));

    /// <summary>Units of the first delivery still to ship: once they have all gone, what ships of the line is a replacement.</summary>
    public int OriginalLeft(OrderedLine line) => Math.Max(0, Ordered(line) - ShippedQuantities.GetValueOrDefault(line.LineId));

    /// <summary>The units of the line the first delivery holds: the ordered ones less those found missing (all of them, for an order kept before
    /// missing units were counted).</summary>
    private int Ordered(OrderedLine line) =>
        Cancelled ? 0
        : MissingUnits?.TryGetValue(line.LineId, out var missing) == true ? Math.Max(0, line.Quantity - missing)
        : MissingLines.Contains(line.LineId) ? 0 : line.Quantity;

    public int Replaced(string lineId) => Replacements?.GetValueOrDefault(lineId) ?? 0;

    /// <summary>Every line shipped in full or found missing: nothing is left for the warehouse.</summary>
    public bool Complete => Lines.All(line => LeftToShip(line) == 0);

    /// <summary>The order after any of its events, for decisions and tests (not named Evolve: Marten's generator would take it for the fold).</summary>
    public OrderToShip Next(object @event) => @event switch
    {
        ShipmentPrepared e => Apply(e),
        LinesFoundMissing e => Apply(e),
        ReplacementRecorded e => Apply(e),
        PaymentHoldRecorded e => Apply(e),
        PaymentHoldLifted e => Apply(e),
        OrderCancelledForShipping e => Apply(e),
        LinesFlaggedLate e => Apply(e),
        _ => throw new ArgumentException($"An order to ship has no {@event?.GetType().Name} event.", nameof(@event)),
    };
}
