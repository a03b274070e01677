namespace OrderPlatform.Contracts;

/// <summary>Catalog set stock aside for these lines of an order.</summary>
public sealed record StockReserved(Guid OrderId, IReadOnlyList<ReservedLine> Lines) : IIntegrationEvent;

/// <summary>Catalog could not set stock aside for these lines of an order: not enough on hand.</summary>
public sealed record StockUnavailable(Guid OrderId, IReadOnlyList<UnavailableLine> Lines) : IIntegrationEvent;

public sealed record ReservedLine(string LineId, string Sku, int Quantity);

public sealed record UnavailableLine(string LineId, string Sku, int Requested, int Available);

/// <summary>
/// Catalog had not enough for these lines and, as the merchant backorders, will reserve them when a
/// restock arrives; the customer is told the order awaits restock.
/// </summary>
public sealed record StockBackordered(Guid OrderId, IReadOnlyList<UnavailableLine> Lines) : IIntegrationEvent;
