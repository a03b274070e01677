using OrderPlatform.Contracts;

namespace OrderPlatform.Catalog.Features.StockRequests;

/// <summary>
/// The stock an order asks for, as Catalog received it. The walking skeleton records it; the stock
/// reservation (Catalog issue) decides it.
/// </summary>
public sealed record OrderStockRequest(Guid Id, string OrderNumber, IReadOnlyList<OrderedLine> Lines, DateTimeOffset ReceivedAt);
