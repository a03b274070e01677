using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.UnitTests.Ordering;

public sealed class OrderPlacementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid OrderId = Guid.Parse("01a2060d-d942-7f0e-926a-4b159c3e98c0");
    private static readonly Guid CustomerId = Guid.Parse("01a2060d-0000-7000-8000-000000000001");

    [Fact]
    public void Placing_an_order_gives_each_sku_one_line_in_the_order_asked()
    {
        var placed = OrderPlacement.Decide(new PlaceOrder(OrderId, CustomerId, [new("ROBE-ETE-38", 1), new("JEAN-SLIM-40", 2)], Now));

        Assert.Equal(
            [new OrderedLine("1", "ROBE-ETE-38", 1), new OrderedLine("2", "JEAN-SLIM-40", 2)],
            placed.Lines);
        Assert.Equal(OrderId, placed.OrderId);
        Assert.Equal(CustomerId, placed.CustomerId);
        Assert.Equal(Now, placed.PlacedAt);
    }

    [Fact]
    public void The_same_sku_asked_twice_is_one_line_with_the_quantities_added()
    {
        var placed = OrderPlacement.Decide(new PlaceOrder(OrderId, CustomerId, [new("robe-ete-38", 1), new("ROBE-ETE-38 ", 2)], Now));

        var line = Assert.Single(placed.Lines);
        Assert.Equal(new OrderedLine("1", "ROBE-ETE-38", 3), line);
    }

    [Fact]
    public void The_order_number_tells_the_day_and_ends_with_the_id()
    {
        Assert.Equal("CMD-20261123-3E98C0", OrderPlacement.OrderNumberFor(OrderId, Now));
    }

    [Fact]
    public void A_placed_order_is_placed_with_its_first_status_in_the_history()
    {
        var order = Order.Create(OrderPlacement.Decide(new PlaceOrder(OrderId, CustomerId, [new("ROBE-ETE-38", 1)], Now)));

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal([new StatusChange(OrderStatus.Placed, Now)], order.StatusHistory);
    }
}
