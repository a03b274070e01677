namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>The checkout body (API.md, Orders). Later issues add delivery, promo code and payment.</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<PlaceOrderLine>? Lines);

public sealed record PlaceOrderLine(string? Sku, int Quantity);

public sealed record OrderAccepted(Guid OrderId, string OrderNumber, string Status);
