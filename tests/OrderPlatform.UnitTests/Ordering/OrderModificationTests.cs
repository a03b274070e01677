using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>Japan-import lets customers change their order until it goes to logistics [JI-06].</summary>
public sealed class OrderModificationTests
{
    private static readonly OrderPolicy Japan = Policy("japan-import");
    private static readonly OrderPolicy Fashion = Policy();

    // Given: a dress (59.90) and two jeans (2 × 79.90), confirmed and waiting for its hand-off.
    private static Order Confirmed(OrderPolicy policy)
    {
        var placed = Given(new StockReservedForLines(["1", "2"], Now));
        return placed.After(OrderProcess.OnPaymentAuthorized(placed, placed.Amounts.TotalCents, "card", Now, policy));
    }

    private static OrderChange Quantities(params (string LineId, int Quantity)[] lines) =>
        new(lines.ToDictionary(line => line.LineId, line => line.Quantity), null, null, null);

    [Fact]
    public void Fewer_items_before_hand_off_re_price_the_order_and_keep_the_history_JI_06()
    {
        var order = Confirmed(Japan);

        var (events, refusal) = OrderModifications.Modify(order, Quantities(("2", 1)), Now.AddMinutes(2), Japan);

        Assert.Null(refusal);
        var modified = Assert.IsType<OrderModified>(Assert.Single(events));
        Assert.Equal([new ShippedLine("2", "JEAN-SLIM-40", 1)], modified.Removed);
        Assert.Equal(order.Amounts.TotalCents - 7990, modified.Amounts.TotalCents);
        var after = order.After(events);
        Assert.Equal((OrderStatus.Confirmed, 1), (after.Status, after.Line("2")!.Quantity));
        var history = Assert.Single(after.Modifications!);
        Assert.Equal((order.Amounts.TotalCents, modified.Amounts.TotalCents), (history.TotalBeforeCents, history.TotalAfterCents));
        Assert.Contains("2 → 1", Assert.Single(history.Changes), StringComparison.Ordinal);
        Assert.Empty(OrderModifications.Modify(after, Quantities(("2", 1)), Now.AddMinutes(3), Japan).Events); // asked again: nothing more
    }

    [Fact]
    public void A_line_taken_out_never_ships_and_what_is_handed_off_is_the_rest_at_its_new_address_JI_06()
    {
        var order = Confirmed(Japan);
        var elsewhere = Home with { Line1 = "3 rue du Bac", PostalCode = "75007" };
        var change = new OrderChange(new Dictionary<string, int> { ["1"] = 0 }, elsewhere, Japan.DeliveryFor("la-poste", "home"), null);

        var (events, _) = OrderModifications.Modify(order, change, Now.AddMinutes(2), Japan);
        var after = order.After(events);
        var handedOff = Assert.IsType<OrderHandedToLogistics>(Assert.Single(OrderProcess.HandOff(after, Now + Japan.HandOffDelay + TimeSpan.FromMinutes(1))));

        Assert.Equal(LineStatus.Cancelled, after.Line("1")!.Status);
        Assert.Equal(["2"], handedOff.Lines.Select(line => line.LineId));
        Assert.Equal((elsewhere, "home"), (handedOff.DeliveryAddress, handedOff.Delivery.Mode));
    }

    [Fact]
    public void No_change_after_hand_off_to_more_than_was_paid_to_nothing_or_where_the_shop_does_not_allow_it_JI_06_FR_06()
    {
        var order = Confirmed(Japan);
        var handedOff = order.After(OrderProcess.HandOff(order, Now + Japan.HandOffDelay + TimeSpan.FromMinutes(1)));

        Assert.NotNull(OrderModifications.Modify(handedOff, Quantities(("2", 1)), Now.AddHours(1), Japan).Refusal);
        Assert.NotNull(OrderModifications.Modify(order, Quantities(("2", 3)), Now, Japan).Refusal);
        Assert.NotNull(OrderModifications.Modify(order, Quantities(("1", 0), ("2", 0)), Now, Japan).Refusal);
        Assert.NotNull(OrderModifications.Modify(Confirmed(Fashion), Quantities(("2", 1)), Now, Fashion).Refusal);
        var dearer = new OrderChange(new Dictionary<string, int>(), null, new DeliveryOption("la-poste", "home", order.Amounts.ShippingFeeCents + 1000), null);
        Assert.NotNull(OrderModifications.Modify(order, dearer, Now, Japan).Refusal);
    }
}
