namespace OrderPlatform.Catalog.Domain;

/// <summary>A line waiting for a restock, for a merchant that backorders [JI-09]. Served oldest first.</summary>
public sealed record Backorder(string Id, Guid OrderId, string LineId, string Sku, int Quantity, DateTimeOffset Since)
{
    public static string IdFor(Guid orderId, string lineId) => $"{orderId:N}/{lineId}";
}

/// <summary>A change of a SKU's units on hand: set to a count, or add to it.</summary>
public sealed record StockChange(int? OnHand, int? Add)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (OnHand is null == Add is null)
        {
            errors["onHand"] = ["Give onHand (the new count) or add (units received), one of the two."];
        }
        else if (OnHand is < 0 || Add is < 1)
        {
            errors[OnHand is null ? "add" : "onHand"] = ["Units on hand are never negative; a delivery adds at least one."];
        }

        return errors;
    }
}

public static class Restocking
{
    /// <summary>
    /// The level after the change, then the backorders it serves, oldest first, each whole or not at all.
    /// An outlet article is never restocked [FR-22]. Reserved units stay reserved: setting fewer units on
    /// hand than are reserved is refused.
    /// </summary>
    public static (StockLevel? Level, IReadOnlyList<Backorder> Served, string? Refusal) Restock(
        Product product, StockLevel current, StockChange change, IEnumerable<Backorder> waiting)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (product.Outlet)
        {
            return (null, [], "Outlet articles are never restocked.");
        }

        var onHand = change.OnHand ?? current.OnHand + change.Add!.Value;
        if (onHand < current.Reserved)
        {
            return (null, [], $"{current.Reserved} units are reserved for orders; the count cannot go below that.");
        }

        var (level, served) = Serve(current with { OnHand = onHand }, waiting);
        return (level, served, null);
    }

    /// <summary>
    /// The backorders the units free on the shelf serve, oldest first, each whole or not at all, and the level once they are
    /// reserved: after a delivery, or when an order gives units back (cancelled, its payment refused, a parcel back).
    /// </summary>
    public static (StockLevel Level, IReadOnlyList<Backorder> Served) Serve(StockLevel level, IEnumerable<Backorder> waiting)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(waiting);
        var served = new List<Backorder>();
        foreach (var backorder in waiting.Where(backorder => backorder.Sku == level.Id).OrderBy(backorder => backorder.Since))
        {
            if (level.AvailableUnits < backorder.Quantity)
            {
                break; // first come, first served: a later, smaller backorder does not jump the queue
            }

            level = level with { Reserved = level.Reserved + backorder.Quantity };
            served.Add(backorder);
        }

        return (level, served);
    }
}
