extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class StockMovementsTests
{
    private static readonly Guid OrderId = Guid.NewGuid();

    // Given: an order of 2 dresses and 1 jean, both reserved; a third line unavailable.
    private static readonly StockReservation Reserved = StockReservation
        .Create(new StockReserved(OrderId, [new ReservedLine("1", "ROBE-M", 2), new ReservedLine("2", "JEAN-40", 1)]))
        .Apply(new StockUnavailable(OrderId, [new UnavailableLine("3", "PULL-L", 1, 0)]));

    private static readonly Dictionary<string, StockLevel> Stock = new()
    {
        ["ROBE-M"] = new("ROBE-M", OnHand: 5, Reserved: 2),
        ["JEAN-40"] = new("JEAN-40", OnHand: 1, Reserved: 1),
    };

    [Fact]
    public void A_refused_payment_or_a_cancellation_gives_back_every_reserved_unit()
    {
        var movement = StockMovements.Release(Reserved, Stock);

        var released = Assert.IsType<StockReleased>(movement.Event);
        Assert.Equal([new ReservedLine("1", "ROBE-M", 2), new ReservedLine("2", "JEAN-40", 1)], released.Lines);
        Assert.Equal([new StockLevel("ROBE-M", 5, 0), new StockLevel("JEAN-40", 1, 0)], movement.StockAfter);
    }

    [Fact]
    public void A_shipment_takes_its_units_off_hand_and_off_the_reservation()
    {
        var movement = StockMovements.Ship(Reserved, [new ShippedLine("1", "ROBE-M", 2)], Stock);

        Assert.Equal([new StockLevel("ROBE-M", 3, 0)], movement.StockAfter);
        var after = Reserved.Apply((StockShipped)movement.Event!);
        Assert.Equal(["shipped", "reserved", "unavailable"], after.Lines.Select(line => line.Status));
    }

    [Fact]
    public void After_a_partial_shipment_a_cancellation_gives_back_only_what_did_not_ship()
    {
        var shipped = Reserved.Apply((StockShipped)StockMovements.Ship(Reserved, [new ShippedLine("1", "ROBE-M", 2)], Stock).Event!);

        var released = Assert.IsType<StockReleased>(StockMovements.Release(shipped, Stock).Event);

        Assert.Equal([new ReservedLine("2", "JEAN-40", 1)], released.Lines);
    }

    [Fact]
    public void Nothing_is_given_back_twice()
    {
        var released = Reserved.Apply((StockReleased)StockMovements.Release(Reserved, Stock).Event!);

        Assert.Same(Movement.None, StockMovements.Release(released, Stock));
        Assert.Same(Movement.None, StockMovements.Ship(released, [new ShippedLine("1", "ROBE-M", 2)], Stock));
    }

    [Fact]
    public void Units_found_missing_leave_the_count_and_their_line_says_missing()
    {
        var movement = StockMovements.WriteOff(Reserved, [new ShippedLine("2", "JEAN-40", 1)], Stock);

        Assert.Equal([new StockLevel("JEAN-40", 0, 0)], movement.StockAfter);
        Assert.Equal("missing", Reserved.Apply((StockWrittenOff)movement.Event!).Lines.Single(line => line.LineId == "2").Status);
    }

    [Fact]
    public void Shipping_part_of_a_line_keeps_the_rest_reserved()
    {
        var movement = StockMovements.Ship(Reserved, [new ShippedLine("1", "ROBE-M", 1)], Stock);
        var after = Reserved.Apply((StockShipped)movement.Event!);

        Assert.Equal(new StockLevel("ROBE-M", 4, 1), movement.StockAfter.Single());
        Assert.Equal([("1", 1, "shipped"), ("1", 1, "reserved")],
            after.Lines.Where(line => line.LineId == "1").Select(line => (line.LineId, line.Quantity, line.Status)));
    }

    [Fact]
    public void A_parcel_back_at_the_warehouse_puts_its_units_on_the_shelf_once_and_a_replacement_takes_them_off_ALL_07()
    {
        var parcel = Guid.NewGuid();
        var received = StockMovements.ReceiveBack(Reserved, parcel, [new ShippedLine("1", "ROBE-M", 2)], Stock);

        Assert.Equal([new StockLevel("ROBE-M", 7, 2)], received.StockAfter);
        var after = Reserved.Apply((StockReceivedBack)received.Event!);
        Assert.Same(Movement.None, StockMovements.ReceiveBack(after, parcel, [new ShippedLine("1", "ROBE-M", 2)], Stock));

        var replacement = StockMovements.ShipReplacement(after, Guid.NewGuid(), [new ShippedLine("1", "ROBE-M", 1)], Stock);
        Assert.Equal([new StockLevel("ROBE-M", 4, 2)], replacement.StockAfter);
    }
}
