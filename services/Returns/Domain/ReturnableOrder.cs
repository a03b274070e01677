using OrderPlatform.Contracts;

namespace OrderPlatform.Returns.Domain;

/// <summary>The order was placed: what could come back, at what price.</summary>
public sealed record OrderRecordedForReturns(Guid OrderId, string OrderNumber, Guid CustomerId, IReadOnlyList<OrderedLine> Lines, long ShippingFeeCents,
    PostalAddress? DeliveryAddress, DateTimeOffset PlacedAt);

public sealed record ShipmentRecordedForReturns(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines);

public sealed record DeliveryRecordedForReturns(Guid ShipmentId, DateTimeOffset At);

/// <summary>A return took these quantities: they cannot be asked for again.</summary>
public sealed record LinesReturning(Guid ReturnId, IReadOnlyList<ShippedLine> Lines);

/// <summary>A return ended without its parcel (it expired): its units may be returned or claimed again.</summary>
public sealed record ReturningReleased(Guid ReturnId, IReadOnlyList<ShippedLine> Lines);

/// <summary>A claim took one unit of a line: it cannot be returned or claimed again while the claim stands.</summary>
public sealed record LinesClaimed(Guid ClaimId, IReadOnlyList<ShippedLine> Lines);

/// <summary>A claim let its unit go (refused, or settled by a replacement that stands in for it): it can be returned or claimed again.</summary>
public sealed record ClaimedLinesReleased(Guid ClaimId, IReadOnlyList<ShippedLine> Lines);

public sealed record DeliveredShipment(Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset? DeliveredAt);

/// <summary>
/// An order as Returns sees it: lines, what was shipped and delivered and when, what is already coming back (<see cref="Returning"/>) or
/// claimed (<see cref="Claimed"/>). A unit is returned, claimed or refunded once: never more units of a line than were ordered, whatever
/// replacements were sent.
/// </summary>
public sealed record ReturnableOrder(
    Guid Id,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    long ShippingFeeCents,
    PostalAddress? DeliveryAddress,
    IReadOnlyList<DeliveredShipment> Shipments,
    IReadOnlyDictionary<string, int> Returning,
    IReadOnlyList<Guid> Returns,
    IReadOnlyDictionary<string, int>? Claimed = null)
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

    /// <summary>Units of the line delivered, never more than ordered: a replacement stands in for a unit, it is not one more to return.</summary>
    public int Delivered(string lineId) =>
        Math.Min(Shipments.Where(shipment => shipment.DeliveredAt is not null).SelectMany(shipment => shipment.Lines).Where(line => line.LineId == lineId)
            .Sum(line => line.Quantity), Ordered(lineId));

    /// <summary>Delivered, minus what is already coming back or claimed.</summary>
    public int Returnable(string lineId) => Math.Max(0, Delivered(lineId) - Returning.GetValueOrDefault(lineId) - ClaimedOf(lineId));

    public ReturnableOrder Apply(ReturningReleased released)
    {
        ArgumentNullException.ThrowIfNull(released);
        var taken = new Dictionary<string, int>(Returning);
        foreach (var line in released.Lines)
        {
            taken[line.LineId] = Math.Max(0, taken.GetValueOrDefault(line.LineId) - line.Quantity);
        }

        return this with { Returning = taken };
    }

    public ReturnableOrder Apply(LinesClaimed claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return this with { Claimed = Counted(Claimed, claimed.Lines, +1) };
    }

    public ReturnableOrder Apply(ClaimedLinesReleased released)
    {
        ArgumentNullException.ThrowIfNull(released);
        return this with { Claimed = Counted(Claimed, released.Lines, -1) };
    }

    /// <summary>Units of the line shipped (replacements included, never more than ordered): what a claim can be about.</summary>
    public int Shipped(string lineId) =>
        Math.Min(Shipments.SelectMany(shipment => shipment.Lines).Where(line => line.LineId == lineId).Sum(line => line.Quantity), Ordered(lineId));

    /// <summary>Shipped, less what is coming back or claimed: the units a new claim can take [FR-04, FR-05, JI-12, JI-13].</summary>
    public int Claimable(string lineId) => Math.Max(0, Shipped(lineId) - Returning.GetValueOrDefault(lineId) - ClaimedOf(lineId));

    public int ClaimedOf(string lineId) => Claimed?.GetValueOrDefault(lineId) ?? 0;

    private int Ordered(string lineId) => Lines.FirstOrDefault(line => line.LineId == lineId)?.Quantity ?? 0;

    private static Dictionary<string, int> Counted(IReadOnlyDictionary<string, int>? counts, IEnumerable<ShippedLine> lines, int sign)
    {
        var changed = counts is null ? new Dictionary<string, int>() : new Dictionary<string, int>(counts);
        foreach (var line in lines)
        {
            changed[line.LineId] = Math.Max(0, changed.GetValueOrDefault(line.LineId) + sign * line.Quantity);
        }

        return changed;
    }

    public ReturnableOrder Next(object @event) => @event switch
    {
        ShipmentRecordedForReturns e => Apply(e),
        DeliveryRecordedForReturns e => Apply(e),
        LinesReturning e => Apply(e),
        LinesClaimed e => Apply(e),
        ClaimedLinesReleased e => Apply(e),
        ReturningReleased e => Apply(e),
        _ => throw new ArgumentException($"A returnable order has no {@event?.GetType().Name} event.", nameof(@event)),
    };
}
