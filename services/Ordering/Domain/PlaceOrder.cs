using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>What the customer asked for at checkout.</summary>
public sealed record PlaceOrder(Guid OrderId, Guid CustomerId, IReadOnlyList<RequestedLine> Lines, DateTimeOffset Now);

public sealed record RequestedLine(string Sku, int Quantity);

public static class OrderPlacement
{
    /// <summary>
    /// Decides the order a checkout creates: one line per SKU (the same SKU asked twice is one line
    /// with the quantities added), line ids in the order asked, a readable order number.
    /// </summary>
    public static OrderPlaced Decide(PlaceOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lines = command.Lines
            .GroupBy(line => line.Sku.Trim().ToUpperInvariant())
            .Select((group, index) => new OrderedLine(
                LineId: (index + 1).ToString(CultureInfo.InvariantCulture),
                Sku: group.Key,
                Quantity: group.Sum(line => line.Quantity)))
            .ToList();
        return new OrderPlaced(command.OrderId, OrderNumberFor(command.OrderId, command.Now), command.CustomerId, lines, command.Now);
    }

    /// <summary>"CMD-20261123-1A2B3C": the day it was placed and the start of its id.</summary>
    public static string OrderNumberFor(Guid orderId, DateTimeOffset placedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"CMD-{placedAt:yyyyMMdd}-{orderId.ToString("N")[^6..].ToUpperInvariant()}");
}
