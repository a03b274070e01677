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

/// <summary>
/// A customer reserved a SKU in a store, free and without obligation to buy; the store holds it until
/// <paramref name="HoldUntil"/>. Notification confirms it by e-mail or SMS (within 2 hours).
/// </summary>
public sealed record InStoreReservationConfirmed(Guid ReservationId, Guid CustomerId, string StoreId, string StoreName, string Sku,
    string ProductName, DateTimeOffset HoldUntil) : IIntegrationEvent;

/// <summary>The hold ran out without a purchase; the unit is back on the store's shelf.</summary>
public sealed record InStoreReservationExpired(Guid ReservationId, Guid CustomerId, string StoreId, string Sku) : IIntegrationEvent;
