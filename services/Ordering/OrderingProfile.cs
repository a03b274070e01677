using OrderPlatform.Ordering.Domain;
using OrderPlatform.Shops;

namespace OrderPlatform.Ordering;

/// <summary>What the shop's profile means for orders, as the values the domain receives.</summary>
public static class OrderingProfile
{
    public static OrderPolicy For(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var handOff = shop.Orders.HandOffDelay;
        var estimate = shop.Delivery.Estimate;
        return new OrderPolicy(
            [.. shop.Delivery.Options.Select(option => new DeliveryOption(option.Carrier, option.Mode, option.FeeCents))],
            shop.Payment.Methods,
            shop.Orders.CancelUntil == CancelUntil.HandOff ? CancellationRule.BeforeHandOff : CancellationRule.BeforeConfirmation,
            handOff,
            StuckThresholds(handOff),
            shop.Orders.InvoiceAt == InvoiceAt.Capture ? InvoiceTrigger.Capture : InvoiceTrigger.Shipment,
            new DeliveryEstimate(estimate.FromDays, estimate.ToDays, estimate.WorkingDays, estimate.TransitDays),
            // Returns are taken this long after delivery [FR-15, MP-10]: then the order is completed.
            TimeSpan.FromDays(shop.Returns.LongestWindowDays),
            // Return labels are printed from the delivery address by the shop's return carrier: checkout holds the address to that
            // carrier's limits too, or a return label would be refused after the sale.
            ReturnCarrier: shop.Returns.Carrier);
    }

    /// <summary>Generous bounds: past them something upstream is late, not merely slow.</summary>
    private static Dictionary<string, TimeSpan> StuckThresholds(TimeSpan handOff) => new()
    {
        [OrderStatus.Placed] = TimeSpan.FromMinutes(15),
        [OrderStatus.Confirmed] = handOff + TimeSpan.FromMinutes(15),
        [OrderStatus.Preparing] = TimeSpan.FromDays(2),
        [OrderStatus.PartiallyShipped] = TimeSpan.FromDays(7),
        [OrderStatus.Shipped] = TimeSpan.FromDays(21),
        [OrderStatus.Backordered] = TimeSpan.FromDays(30),
        // A lost parcel is refunded by its settle-by date unless ops send it again: past that, the scan did not run.
        [OrderStatus.ParcelLost] = TimeSpan.FromDays(10),
    };
}
