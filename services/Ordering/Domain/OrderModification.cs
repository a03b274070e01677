using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>What the customer asks to change: line quantities (lower, or 0 to take a line out), the delivery address, the delivery.</summary>
public sealed record OrderChange(IReadOnlyDictionary<string, int> Quantities, PostalAddress? DeliveryAddress, DeliveryOption? Delivery, string? PickupPointId);

/// <summary>One change the customer made, for the order's history [JI-06].</summary>
public sealed record OrderModification(int Sequence, DateTimeOffset At, long TotalBeforeCents, long TotalAfterCents, IReadOnlyList<string> Changes);

/// <summary>
/// Where the shop lets customers change their order until it goes to logistics (japan-import) [JI-06]: fewer items, another address,
/// another delivery or relay point; re-priced, never to more than was paid (that is a new order), and the difference given back.
/// </summary>
public static class OrderModifications
{
    public static (IReadOnlyList<object> Events, string? Refusal) Modify(Order order, OrderChange change, DateTimeOffset now, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.CancelUntil != CancellationRule.BeforeHandOff)
        {
            return ([], "This shop does not change orders once placed: cancel it while you can, or order again.");
        }

        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.Backordered))
        {
            return ([], order.Status == OrderStatus.Placed
                ? "The payment is being validated: the order can be changed once it is confirmed, in a moment."
                : "The order has gone to logistics (or ended): it can no longer be changed.");
        }

        foreach (var (lineId, quantity) in change.Quantities)
        {
            var line = order.Line(lineId);
            if (line is null || line.Status is LineStatus.Unavailable or LineStatus.Cancelled)
            {
                return ([], $"The order has no line {lineId} to change.");
            }

            if (quantity != line.Quantity && line.Status == LineStatus.Backordered)
            {
                return ([], $"Line {lineId} waits for a restock: cancel the order to give it up.");
            }

            if (quantity > line.Quantity || quantity < 0)
            {
                return ([], $"Line {lineId}: between 0 and {line.Quantity} unit(s); more is a new order.");
            }
        }

        var lines = order.Lines.Select(line => change.Quantities.TryGetValue(line.LineId, out var quantity) && quantity != line.Quantity
            ? line with { Quantity = quantity, DiscountCents = quantity == 0 ? 0 : line.DiscountCents * quantity / line.Quantity }
            : line).ToList();
        if (lines.All(line => line.Quantity == 0 || line.Status is LineStatus.Unavailable or LineStatus.Cancelled))
        {
            return ([], "Nothing would be left of the order: cancel it instead.");
        }

        var delivery = change.Delivery is { } option ? new OrderDelivery(option.Carrier, option.Mode, option.NeedsPickupPoint ? change.PickupPointId : null)
            : order.Delivery!;
        var fee = change.Delivery?.FeeCents ?? order.Amounts.ShippingFeeCents;
        var kept = lines.Where(line => line.Status is not (LineStatus.Unavailable or LineStatus.Cancelled)).ToList();
        var items = kept.Sum(line => line.UnitPriceCents * line.Quantity);
        var discount = kept.Sum(line => line.DiscountCents);
        var amounts = new OrderAmounts(items, fee, discount, items - discount + fee);
        if (amounts.TotalCents > order.Amounts.TotalCents)
        {
            return ([], $"The change costs {amounts.TotalCents - order.Amounts.TotalCents} cents more than was paid: cancel and order again.");
        }

        var address = change.DeliveryAddress ?? order.DeliveryAddress!;
        var changes = Describe(order, lines, delivery, address);
        if (changes.Count == 0)
        {
            return ([], null); // asked again: nothing left to change
        }

        var removed = order.Lines.Zip(lines, (before, after) => new ShippedLine(before.LineId, before.Sku, before.Quantity - after.Quantity))
            .Where(line => line.Quantity > 0).ToList();
        return ([new OrderModified(order.Id, order.OrderNumber, (order.Modifications?.Count ?? 0) + 1, lines.Select(line => line.AsOrdered()).ToList(), amounts,
            delivery, address, removed, now)], null);
    }

    /// <summary>What changed, in the words of the order's history.</summary>
    public static List<string> Describe(Order order, IReadOnlyList<OrderLine> lines, OrderDelivery delivery, PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lines);
        var changes = order.Lines.Zip(lines).Where(pair => pair.First.Quantity != pair.Second.Quantity)
            .Select(pair => $"{pair.First.ProductName ?? pair.First.Sku}: {pair.First.Quantity} → {pair.Second.Quantity}").ToList();
        if (delivery != order.Delivery)
        {
            changes.Add($"delivery: {delivery.Carrier} {delivery.Mode}{(delivery.PickupPointId is { } point ? " " + point : "")}");
        }

        if (address != order.DeliveryAddress)
        {
            changes.Add("delivery address");
        }

        return changes;
    }
}
