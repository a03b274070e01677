using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>An order as its customer sees it (API.md): status and history, lines, money, shipments.</summary>
public sealed record OrderView(
    Guid OrderId,
    string OrderNumber,
    string Status,
    IReadOnlyList<StatusChange> StatusHistory,
    IReadOnlyList<OrderLineView> Lines,
    long ItemsCents,
    long ShippingFeeCents,
    long DiscountCents,
    long TotalCents,
    long CapturedCents,
    long RefundedCents,
    string? PromoCode,
    OrderDelivery? Delivery,
    IReadOnlyList<ShipmentView> Shipments,
    DateTimeOffset PlacedAt,
    string? DeclineCode,
    IReadOnlyList<string> Invoices,
    DeliveryWindow? EstimatedDelivery,
    string? PaymentIssue,
    IReadOnlyList<OrderModification>? Modifications = null,
    PostalAddress? DeliveryAddress = null,
    Guid? CustomerId = null)
{
    public static OrderView Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderView(order.Id, order.OrderNumber, order.Status, order.StatusHistory,
            order.Lines.Select(line => new OrderLineView(line.LineId, line.Sku, line.ProductName, line.Quantity, line.UnitPriceCents,
                line.DiscountCents, line.Status, line.ShippedQuantity, line.SellerId)).ToList(),
            order.Amounts.ItemsCents, order.Amounts.ShippingFeeCents, order.Amounts.DiscountCents, order.Amounts.TotalCents,
            order.CapturedCents, order.RefundedCents, order.PromoCode, order.Delivery,
            order.Shipments.Select(shipment => new ShipmentView(shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl,
                shipment.Lines, shipment.ShippedAt, shipment.DeliveredAt, shipment.Status ?? (shipment.DeliveredAt is null ? "label-created" : "delivered"),
                shipment.HoldUntil, shipment.ReturnedAt, shipment.SettleBy, shipment.Settlement, shipment.Replacement)).ToList(),
            order.PlacedAt, order.DeclineCode, order.Invoices ?? [], order.EstimatedDelivery, order.PaymentIssue, order.Modifications ?? [],
            order.DeliveryAddress, order.CustomerId);
    }
}

/// <param name="SellerId">The marketplace seller of the line; null for the shop's own.</param>
public sealed record OrderLineView(string LineId, string Sku, string? ProductName, int Quantity, long UnitPriceCents, long DiscountCents, string Status,
    int ShippedQuantity, string? SellerId = null);

/// <param name="HoldUntil">Until when the parcel waits at a relay point or post office [FR-10, FR-11].</param>
/// <param name="ReturnedAt">When the parcel came back to the warehouse; unless sent again it is refunded at <paramref name="SettleBy"/>.</param>
/// <param name="Settlement">What became of a parcel that came back: reshipped or refunded.</param>
/// <param name="Replacement">The parcel sends again lines shipped before (a returned parcel sent again, a claim's replacement).</param>
public sealed record ShipmentView(Guid ShipmentId, string? Carrier, string? TrackingNumber, string? TrackingUrl, IReadOnlyList<ShipmentLine> Lines,
    DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt, string Status, DateTimeOffset? HoldUntil, DateTimeOffset? ReturnedAt = null,
    DateTimeOffset? SettleBy = null, string? Settlement = null, bool Replacement = false);

/// <summary>One order in a list: enough to recognise it and see where it stands.</summary>
public sealed record OrderSummary(Guid OrderId, string OrderNumber, string Status, DateTimeOffset StatusSince, long TotalCents, int Items,
    DateTimeOffset PlacedAt)
{
    public static OrderSummary Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderSummary(order.Id, order.OrderNumber, order.Status, order.StatusSince, order.Amounts.TotalCents,
            order.Lines.Sum(line => line.Quantity), order.PlacedAt);
    }
}
