using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>An order: the fold of its event stream, nothing else.</summary>
public sealed record Order(
    Guid Id,
    string OrderNumber,
    Guid CustomerId,
    string Status,
    IReadOnlyList<OrderedLine> Lines,
    IReadOnlyList<StatusChange> StatusHistory)
{
    public static Order Create(OrderPlaced placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        return new Order(placed.OrderId, placed.OrderNumber, placed.CustomerId, OrderStatus.Placed, placed.Lines,
            [new StatusChange(OrderStatus.Placed, placed.PlacedAt)]);
    }
}

/// <summary>When the order entered a status: the timestamped history the customer sees.</summary>
public sealed record StatusChange(string Status, DateTimeOffset At);
