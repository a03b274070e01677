using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>What the customer asked for at checkout, with Catalog's prices and the chosen delivery and code.</summary>
public sealed record PlaceOrder(
    Guid OrderId,
    Guid CustomerId,
    IReadOnlyList<RequestedLine> Lines,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, PricedSku> Prices,
    DeliveryOption Delivery,
    string? PickupPointId,
    PostalAddress DeliveryAddress,
    PostalAddress? BillingAddress,
    OrderPayment Payment,
    PromoCode? Promo,
    DeliveryWindow? EstimatedDelivery = null);

public sealed record RequestedLine(string Sku, int Quantity);

/// <summary>A SKU as Catalog priced it: unit price in euro cents, VAT included.</summary>
public sealed record PricedSku(string Sku, long UnitPriceCents, string ProductName, string SellerId, int? ShipsWithinDays = null, bool FinalSale = false);

public static class OrderPlacement
{
    /// <summary>
    /// Decides the order a checkout creates: one line per SKU (the same SKU asked twice is one line with
    /// the quantities added), Catalog's prices, the delivery's fee, the code's discount shared among the
    /// lines; or, when the code cannot be used, why (under <c>promoCode</c>).
    /// </summary>
    public static (OrderPlaced? Placed, string? PromoRefusal) Decide(PlaceOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var merged = command.Lines
            .GroupBy(line => line.Sku.Trim().ToUpperInvariant())
            .Select(group => (Sku: group.Key, Quantity: group.Sum(line => line.Quantity), Price: command.Prices[group.Key]))
            .ToList();
        var items = merged.Sum(line => line.Price.UnitPriceCents * line.Quantity);

        var discount = new PromoDiscount(0, false);
        if (command.Promo is { } promo)
        {
            if (PromoRules.WhyNot(promo, command.CustomerId, items, command.Now) is { } refusal)
            {
                return (null, refusal);
            }

            discount = PromoRules.DiscountFor(promo, items);
        }

        var shares = PromoRules.Share(discount.ItemsDiscountCents, merged.Select(line => line.Price.UnitPriceCents * line.Quantity).ToList());
        var lines = merged.Select((line, index) => new OrderedLine((index + 1).ToString(CultureInfo.InvariantCulture), line.Sku, line.Quantity,
            line.Price.UnitPriceCents, shares[index], line.Price.ProductName, line.Price.SellerId, line.Price.ShipsWithinDays, line.Price.FinalSale)).ToList();
        var fee = discount.FreeShipping ? 0 : command.Delivery.FeeCents;
        var amounts = new OrderAmounts(items, fee, discount.ItemsDiscountCents, items - discount.ItemsDiscountCents + fee);
        return (new OrderPlaced(command.OrderId, OrderNumberFor(command.OrderId, command.Now), command.CustomerId, lines, command.Now, amounts,
            new OrderDelivery(command.Delivery.Carrier, command.Delivery.Mode, command.Delivery.NeedsPickupPoint ? command.PickupPointId : null),
            command.DeliveryAddress, command.BillingAddress ?? command.DeliveryAddress, command.Payment, command.Promo?.Id, command.EstimatedDelivery), null);
    }

    /// <summary>"CMD-20261123-1A2B3C": the day it was placed and the end of its id.</summary>
    public static string OrderNumberFor(Guid orderId, DateTimeOffset placedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"CMD-{placedAt:yyyyMMdd}-{orderId.ToString("N")[^6..].ToUpperInvariant()}");
}
