namespace OrderPlatform.Ordering.Domain;

/// <summary>The order statuses of the public contract (API.md), as the customer sees them.</summary>
public static class OrderStatus
{
    public const string Placed = "placed";
}
