namespace OrderPlatform.Ordering.Domain;

/// <summary>The order statuses of the public contract (API.md), as the customer sees them.</summary>
public static class OrderStatus
{
    public const string Placed = "placed";
    public const string PaymentRefused = "payment-refused";
    public const string Confirmed = "confirmed";
    public const string Preparing = "preparing";
    public const string Backordered = "backordered";
    public const string PartiallyShipped = "partially-shipped";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";

    /// <summary>A parcel came back to the warehouse: ops send it again at the customer's request, or it is refunded by its settle-by date.</summary>
    public const string ReturnedToWarehouse = "returned-to-warehouse";

    /// <summary>Nothing reached the customer: every parcel came back and was refunded.</summary>
    public const string Refunded = "refunded";

    /// <summary>The carrier lost a parcel: ops send it again, or it is refunded by its settle-by date, as a parcel come back is.</summary>
    public const string ParcelLost = "parcel-lost";

    /// <summary>Why a parcel is to be settled: lost by the carrier (else it came back to the warehouse).</summary>
    public const string LostReason = "lost";

    public static readonly IReadOnlyList<string> All =
        [Placed, PaymentRefused, Confirmed, Preparing, Backordered, PartiallyShipped, Shipped, Delivered, Cancelled, Completed, ReturnedToWarehouse, Refunded,
            ParcelLost];

    /// <summary>Nothing more happens to the order by itself: it cannot be stuck [ALL-07].</summary>
    public static bool IsTerminal(string status) => status is PaymentRefused or Cancelled or Completed or Delivered or Refunded;
}

/// <summary>Where each line of the order stands.</summary>
public static class LineStatus
{
    public const string Pending = "pending";
    public const string Reserved = "reserved";
    public const string Backordered = "backordered";
    /// <summary>Out of stock at reservation or found missing at preparation: never shipped, never charged [FR-07].</summary>
    public const string Unavailable = "unavailable";
    public const string PartiallyShipped = "partially-shipped";
    public const string Shipped = "shipped";
    public const string Cancelled = "cancelled";
}
