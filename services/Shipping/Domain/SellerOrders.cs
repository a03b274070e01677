using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping.Domain;

/// <summary>One of a seller's lines in an order: what is left to ship, by when, and whether it is late [MP-08].</summary>
public sealed record SellerLine(string LineId, string Sku, string? ProductName, int Quantity, int Shipped, int LeftToShip, bool Missing, DateTimeOffset? DueBy,
    bool Late);

/// <summary>What a marketplace seller sees of a paid order: its own lines only, never another seller's, and its own parcels [MP-06, MP-08].</summary>
public static class SellerOrders
{
    public static bool HasLinesOf(OrderToShip order, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Lines.Any(line => line.SellerId == sellerId);
    }

    /// <summary>The seller's lines of the order, with their delay counted from the order's arrival with the sellers (as ops' late list counts it).</summary>
    public static IReadOnlyList<SellerLine> LinesOf(OrderToShip order, string sellerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var late = ShippingDecisions.LateLines(order, now).Select(line => line.LineId).ToHashSet();
        return order.Lines.Where(line => line.SellerId == sellerId)
            .Select(line => new SellerLine(line.LineId, line.Sku, line.ProductName, line.Quantity, order.ShippedQuantities.GetValueOrDefault(line.LineId),
                order.LeftToShip(line), order.MissingLines.Contains(line.LineId), line.ShipsWithinDays is { } days ? order.HandedOffAt.AddDays(days) : null,
                late.Contains(line.LineId)))
            .ToList();
    }

    /// <summary>A parcel is the seller's when every line in it is (on the marketplace a parcel holds one seller's lines).</summary>
    public static bool IsParcelOf(Shipment shipment, OrderToShip order, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(order);
        return shipment.Lines.Count > 0
            && shipment.Lines.All(shipped => order.Lines.Any(line => line.LineId == shipped.LineId && line.SellerId == sellerId));
    }

    /// <summary>
    /// The lines that became late since last looked at [MP-08]: recorded as flagged, and one notice per seller for its buyer and itself. Nothing
    /// when no new line is late (each line is told once; shipped or missing lines are never late).
    /// </summary>
    public static IReadOnlyList<object> FlagLate(OrderToShip order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var newlyLate = ShippingDecisions.LateLines(order, now).Where(late => late.SellerId is not null && !(order.FlaggedLate ?? []).Contains(late.LineId)).ToList();
        if (newlyLate.Count == 0)
        {
            return [];
        }

        return
        [
            new LinesFlaggedLate(newlyLate.Select(late => late.LineId).ToList(), now),
            .. newlyLate.GroupBy(late => late.SellerId!).Select(seller => new SellerLinesLate(order.Id, order.OrderNumber, order.CustomerId, seller.Key,
                seller.Select(late => new LateLineNotice(late.LineId, order.Lines.First(line => line.LineId == late.LineId).ProductName, late.LeftToShip, late.DueBy))
                    .ToList(), now)),
        ];
    }
}
