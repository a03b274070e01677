using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>What a checkout decides: lines, Catalog's prices, the delivery fee and at most one code.</summary>
public sealed class OrderPlacementTests
{
    [Fact]
    public void Each_sku_is_one_line_priced_by_catalog_with_the_delivery_fee_added()
    {
        var (placed, _) = OrderPlacement.Decide(Checkout([new("ROBE-ETE-38", 1), new("jean-slim-40 ", 1), new("JEAN-SLIM-40", 1)]));

        Assert.Equal([new OrderedLine("1", "ROBE-ETE-38", 1, 5990, 0, "Robe d'été", "maison"), new OrderedLine("2", "JEAN-SLIM-40", 2, 7990, 0, "Jean slim", "maison")],
            placed!.Lines);
        Assert.Equal(new OrderAmounts(21970, 390, 0, 22360), placed.Amounts);
        Assert.Equal(new OrderDelivery(DeliveryOption.MondialRelay, DeliveryOption.RelayPoint, "020340"), placed.Delivery);
        Assert.Equal(Home, placed.BillingAddress);
        Assert.Equal("CMD-20261123-3E98C0", placed.OrderNumber);
    }

    [Fact]
    public void A_percentage_code_is_shared_among_the_lines_to_the_cent_FR_24()
    {
        var (placed, _) = OrderPlacement.Decide(Checkout([new("ROBE-ETE-38", 1), new("JEAN-SLIM-40", 1), new("TSHIRT-M", 1)],
            Code(PromoCode.Percentage, percent: 15)));

        Assert.Equal(2396, placed!.Amounts!.DiscountCents); // 15 % of 159.79 €, rounded down
        Assert.Equal(placed.Amounts.DiscountCents, placed.Lines.Sum(line => line.DiscountCents));
        Assert.Equal(placed.Amounts.TotalCents, placed.Lines.Sum(line => line.AmountCents) + placed.Amounts.ShippingFeeCents);
        Assert.Equal("BIENVENUE", placed.PromoCode);
    }

    [Fact]
    public void A_fixed_amount_never_exceeds_the_basket_and_free_shipping_waives_the_fee()
    {
        var (fixedAmount, _) = OrderPlacement.Decide(Checkout([new("TSHIRT-M", 1)], Code(PromoCode.FixedAmount, amountCents: 5000)));
        var (freeShipping, _) = OrderPlacement.Decide(Checkout([new("TSHIRT-M", 1)], Code(PromoCode.FreeShipping), DeliveryOption.LaPoste, DeliveryOption.Home));

        Assert.Equal(new OrderAmounts(1999, 390, 1999, 390), fixedAmount!.Amounts);
        Assert.Equal(new OrderAmounts(1999, 0, 0, 1999), freeShipping!.Amounts);
    }

    [Theory]
    [InlineData(-40, 0, null, null, "expired")]
    [InlineData(0, 10000, null, null, "at least")]
    [InlineData(0, 0, 1, null, "already used")]
    [InlineData(0, 0, null, 1, "as many times")]
    public void A_code_that_cannot_be_used_is_refused_with_the_reason_FR_24(int daysFromNow, long minimumBasket, int? perCustomer, int? total, string reason)
    {
        var code = Code(PromoCode.Percentage, percent: 10, minimumBasketCents: minimumBasket, perCustomer: perCustomer, total: total);
        code = code with { ValidUntil = Now.AddDays(daysFromNow == 0 ? 30 : daysFromNow) };
        if (perCustomer is not null || total is not null)
        {
            code = PromoRules.Use(code, Guid.NewGuid(), CustomerId, Now.AddDays(-1));
        }

        var (placed, refusal) = OrderPlacement.Decide(Checkout([new("TSHIRT-M", 1)], code));

        Assert.Null(placed);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_use_given_back_by_a_refused_or_cancelled_order_makes_the_code_usable_again_FR_24()
    {
        var code = PromoRules.Use(Code(PromoCode.Percentage, percent: 10, perCustomer: 1), OrderId, CustomerId, Now);
        Assert.NotNull(PromoRules.WhyNot(code, CustomerId, 5000, Now));
        Assert.Same(code, PromoRules.Use(code, OrderId, CustomerId, Now)); // the same order counts once

        Assert.Null(PromoRules.WhyNot(PromoRules.GiveBack(code, OrderId), CustomerId, 5000, Now));
    }

    [Fact]
    public void Marketplace_prices_include_delivery_MP_02()
    {
        Assert.All(Policy("marketplace").Deliveries, option => Assert.Equal(0, option.FeeCents));
    }
}
