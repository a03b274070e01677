namespace OrderPlatform.Contracts;

// The order's later steps, as far as stock is concerned. Ordering, Payment and Shipping publish them
// (their issues may add fields; consumers ignore what they do not read).

/// <summary>The order was cancelled where the merchant allows it; nothing of it will ship.</summary>
public sealed record OrderCancelled(Guid OrderId, DateTimeOffset CancelledAt) : IIntegrationEvent;

/// <summary>The payment provider refused the order's payment (decline code as the provider gave it).</summary>
public sealed record PaymentRefused(Guid OrderId, string DeclineCode) : IIntegrationEvent;

/// <summary>A shipment left the warehouse with these lines; more may follow for the rest of the order.</summary>
public sealed record OrderShipped(Guid OrderId, Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset ShippedAt) : IIntegrationEvent;

public sealed record ShippedLine(string LineId, string Sku, int Quantity);

/// <summary>The warehouse found these lines missing while preparing the order: they will never ship or be charged.</summary>
public sealed record LinesFoundMissing(Guid OrderId, IReadOnlyList<ShippedLine> Lines) : IIntegrationEvent;
