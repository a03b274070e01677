extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class StockAllocationTests
{
    private static Dictionary<string, StockLevel> Stock(params StockLevel[] levels) => levels.ToDictionary(level => level.Id);

    [Fact]
    public void Lines_with_enough_stock_are_reserved_and_the_stock_after_counts_them_ALL_03()
    {
        var allocation = StockAllocation.Allocate(
            [new OrderedLine("1", "ROBE-M", 2), new OrderedLine("2", "JEAN-40", 1)],
            Stock(new StockLevel("ROBE-M", OnHand: 5, Reserved: 1), new StockLevel("JEAN-40", OnHand: 1)));

        Assert.Equal([new ReservedLine("1", "ROBE-M", 2), new ReservedLine("2", "JEAN-40", 1)], allocation.Reserved);
        Assert.Empty(allocation.Unavailable);
        Assert.Equal([new StockLevel("ROBE-M", 5, 3), new StockLevel("JEAN-40", 1, 1)], allocation.StockAfter);
    }

    [Fact]
    public void A_line_asking_more_than_is_available_is_unavailable_and_reserves_nothing_ALL_03()
    {
        var allocation = StockAllocation.Allocate(
            [new OrderedLine("1", "ROBE-M", 3), new OrderedLine("2", "JEAN-40", 1)],
            Stock(new StockLevel("ROBE-M", OnHand: 4, Reserved: 2), new StockLevel("JEAN-40", OnHand: 2)));

        Assert.Equal([new UnavailableLine("1", "ROBE-M", 3, 2)], allocation.Unavailable);
        Assert.Equal([new ReservedLine("2", "JEAN-40", 1)], allocation.Reserved);
        Assert.Equal([new StockLevel("JEAN-40", 2, 1)], allocation.StockAfter);
    }

    [Fact]
    public void A_sku_never_stocked_has_nothing_available()
    {
        var allocation = StockAllocation.Allocate([new OrderedLine("1", "INCONNU", 1)], Stock());

        Assert.Equal([new UnavailableLine("1", "INCONNU", 1, 0)], allocation.Unavailable);
        Assert.Empty(allocation.StockAfter);
    }

    [Fact]
    public void The_last_unit_goes_to_one_line_only_ALL_03()
    {
        var allocation = StockAllocation.Allocate(
            [new OrderedLine("1", "ROBE-M", 1), new OrderedLine("2", "ROBE-M", 1)],
            Stock(new StockLevel("ROBE-M", OnHand: 1)));

        Assert.Single(allocation.Reserved);
        Assert.Equal([new UnavailableLine("2", "ROBE-M", 1, 0)], allocation.Unavailable);
        Assert.Equal(0, Assert.Single(allocation.StockAfter).AvailableUnits);
    }

    [Fact]
    public void An_order_with_reserved_and_short_lines_gives_both_events_and_never_an_empty_one()
    {
        var orderId = Guid.NewGuid();
        var mixed = StockAllocation.Allocate([new OrderedLine("1", "A", 1), new OrderedLine("2", "B", 1)], Stock(new StockLevel("A", 1)));
        var short_ = StockAllocation.Allocate([new OrderedLine("1", "B", 1)], Stock());

        Assert.Equal([typeof(StockReserved), typeof(StockUnavailable)], StockAllocation.Events(orderId, mixed).Select(e => e.GetType()));
        Assert.Equal([typeof(StockUnavailable)], StockAllocation.Events(orderId, short_).Select(e => e.GetType()));
    }

    [Fact]
    public void Availability_never_shows_below_zero_ALL_03()
    {
        Assert.Equal(0, new StockLevel("A", OnHand: 1, Reserved: 3).AvailableUnits);
        Assert.False(new StockLevel("A", OnHand: 1, Reserved: 3).Available);
    }
}

public sealed class BackorderTests
{
    [Fact]
    public void Under_a_backordering_merchant_a_short_line_is_backordered_not_refused_JI_09()
    {
        var orderId = Guid.NewGuid();
        var allocation = StockAllocation.Allocate(
            [new OrderedLine("1", "THEIERE", 2), new OrderedLine("2", "BOL", 1)],
            new Dictionary<string, StockLevel> { ["THEIERE"] = new("THEIERE", OnHand: 1), ["BOL"] = new("BOL", OnHand: 3) },
            new StockPolicy(BackorderWhenShort: true));

        var events = StockAllocation.Events(orderId, allocation).ToList();
        var reserved = Assert.IsType<StockReserved>(events[0]);
        Assert.Equal([new ReservedLine("2", "BOL", 1)], reserved.Lines);
        var backordered = Assert.IsType<StockBackordered>(events[1]);
        Assert.Equal([new UnavailableLine("1", "THEIERE", 2, 1)], backordered.Lines);
        Assert.Equal("backordered", StockReservation.Create(reserved).Apply(backordered).Lines[1].Status);
    }

    [Fact]
    public void Without_backordering_a_short_line_is_unavailable()
    {
        var allocation = StockAllocation.Allocate([new OrderedLine("1", "THEIERE", 2)], new Dictionary<string, StockLevel>(),
            new StockPolicy(BackorderWhenShort: false));

        Assert.IsType<StockUnavailable>(Assert.Single(StockAllocation.Events(Guid.NewGuid(), allocation)));
    }
}
