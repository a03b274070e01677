using OrderPlatform.Contracts;

namespace OrderPlatform.Returns.Domain;

/// <summary>The order was placed: what could come back, at what price.</summary>
public sealed record OrderRecordedForReturns(Guid OrderId, string OrderNumber, Guid CustomerId, IReadOnlyList<OrderedLine> Lines, long ShippingFeeCents,
    PostalAddress? DeliveryAddress, DateTimeOffset PlacedAt);

public sealed record ShipmentRecordedForReturns(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines);

public sealed record DeliveryRecordedForReturns(Guid ShipmentId, DateTimeOffset At);

/// <summary>A return took these quantities: they cannot be asked for again.</summary>
public sealed record LinesReturning(Guid ReturnId, IReadOnlyList<ShippedLine> Lines);

public sealed record DeliveredShipment(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset? DeliveredAt);

/// <summary>An order as Returns sees it: lines, what was delivered and when, what is already coming back.</summary>
public sealed record ReturnableOrder(
    Guid Id,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    long ShippingFeeCents,
    PostalAddress? DeliveryAddress,
    IReadOnlyList<DeliveredShipment> Shipments,
    IReadOnlyDictionary<string, int> Returning,
    IReadOnlyList<Guid> Returns)
{
    /// <summary>The marketplace seller whose items these lines all are; null when they are the house's or several sellers' [MP-10].</summary>
    public string? SellerOf(IEnumerable<string> lineIds)
    {
        var sellers = lineIds.Select(id => Lines.FirstOrDefault(line => line.LineId == id)?.SellerId).Distinct().ToList();
        return sellers is [{ Length: > 0 } seller] ? seller : null;
    }

    public static ReturnableOrder Create(OrderRecordedForReturns recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new ReturnableOrder(recorded.OrderId, recorded.OrderNumber, recorded.CustomerId, recorded.Lines, recorded.ShippingFeeCents,
            recorded.DeliveryAddress, [], new Dictionary<string, int>(), []);
    }

    public ReturnableOrder Apply(ShipmentRecordedForReturns shipment) => this with
    {
        Shipments = Shipments.Any(known => known.ShipmentId == shipment.ShipmentId)
            ? Shipments.Select(known => known.ShipmentId == shipment.ShipmentId ? known with { Lines = shipment.Lines } : known).ToList()
            : [.. Shipments, new DeliveredShipment(shipment.ShipmentId, shipment.Lines, null)],
    };

    public ReturnableOrder Apply(DeliveryRecordedForReturns delivery) => this with
    {
        Shipments = Shipments.Select(known => known.ShipmentId == delivery.ShipmentId ? known with { DeliveredAt = delivery.At } : known).ToList(),
    };

    public ReturnableOrder Apply(LinesReturning returning)
    {
        ArgumentNullException.ThrowIfNull(returning);
        var taken = new Dictionary<string, int>(Returning);
        foreach (var line in returning.Lines)
        {
            taken[line.LineId] = taken.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        return this with { Returning = taken, Returns = [.. Returns, returning.ReturnId] };
    }

    /// <summary>When the customer received the (last delivered) parcel: the return windows run from here.</summary>
    public DateTimeOffset? ReceivedAt => Shipments.Where(shipment => shipment.DeliveredAt is not null).Max(shipment => shipment.DeliveredAt);

    public int Delivered(string lineId) =>
        Shipments.Where(shipment => shipment.DeliveredAt is not null).SelectMany(shipment => shipment.Lines).Where(line => line.LineId == lineId)
            .Sum(line => line.Quantity);

    /// <summary>Delivered, minus what is already coming back.</summary>
    public int Returnable(string lineId) => Delivered(lineId) - Returning.GetValueOrDefault(lineId);

    public ReturnableOrder Next(object @event) => @event switch
    {
        ShipmentRecordedForReturns e => Apply(e),
        DeliveryRecordedForReturns e => Apply(e),
        LinesReturning e => Apply(e),
        _ => throw new ArgumentException($"A returnable order has no {@event?.GetType().Name} event.", nameof(@event)),
    };
}
