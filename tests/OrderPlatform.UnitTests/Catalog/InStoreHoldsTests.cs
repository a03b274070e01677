extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class InStoreHoldsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly StoreStock OneUnit = new("paris-rivoli/ROBE-M", "paris-rivoli", "ROBE-M", OnHand: 1);

    [Fact]
    public void A_reservation_holds_one_unit_in_the_store_for_two_days_FR_21()
    {
        var (reservation, stock, refusal) = InStoreHolds.Reserve(Guid.NewGuid(), Guid.NewGuid(), "paris-rivoli", "ROBE-M", OneUnit, Now);

        Assert.Null(refusal);
        Assert.Equal(InStoreReservation.Confirmed, reservation!.Status);
        Assert.Equal(Now.AddDays(2), reservation.HoldUntil);
        Assert.Equal(0, stock!.AvailableUnits);
    }

    [Fact]
    public void Without_a_unit_left_in_the_store_there_is_no_reservation()
    {
        Assert.NotNull(InStoreHolds.Reserve(Guid.NewGuid(), Guid.NewGuid(), "paris-rivoli", "ROBE-M", OneUnit with { Held = 1 }, Now).Refusal);
        Assert.NotNull(InStoreHolds.Reserve(Guid.NewGuid(), Guid.NewGuid(), "paris-rivoli", "ROBE-M", null, Now).Refusal);
    }

    [Fact]
    public void After_two_days_the_hold_expires_and_the_unit_returns_to_the_shelf_FR_21()
    {
        var (reservation, held, _) = InStoreHolds.Reserve(Guid.NewGuid(), Guid.NewGuid(), "paris-rivoli", "ROBE-M", OneUnit, Now);

        var (early, untouched) = InStoreHolds.Expire(reservation!, held, Now.AddDays(2).AddMinutes(-1));
        var (late, released) = InStoreHolds.Expire(reservation!, held, Now.AddDays(2));

        Assert.Equal(InStoreReservation.Confirmed, early.Status);
        Assert.Null(untouched);
        Assert.Equal(InStoreReservation.Expired, late.Status);
        Assert.Equal(1, released!.AvailableUnits);
        Assert.Null(InStoreHolds.Expire(late, released, Now.AddDays(3)).StockAfter); // nothing expires twice
    }
}
