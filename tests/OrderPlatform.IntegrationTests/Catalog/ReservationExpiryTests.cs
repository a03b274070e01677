using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.InStoreReservations;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>In-store holds expire from their stored deadlines, whenever the scan runs [FR-21].</summary>
public sealed class ReservationExpiryTests(CatalogDatabase catalog) : IClassFixture<CatalogDatabase>
{
    [Fact]
    public async Task A_hold_expires_after_two_days_once_and_its_unit_returns_FR_21()
    {
        var now = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
        var stock = new StoreStock(StoreStock.IdFor("lyon-republique", "EXPIRY-TEST"), "lyon-republique", "EXPIRY-TEST", OnHand: 1);
        var (reservation, held, _) = InStoreHolds.Reserve(Guid.NewGuid(), Guid.NewGuid(), stock.StoreId, stock.Sku, stock, now);
        await using (var session = catalog.Store.LightweightSession())
        {
            session.Store(reservation!);
            session.Store(held!);
            await session.SaveChangesAsync();
        }

        Assert.Equal(0, await ReservationExpiry.ExpireDueAsync(catalog.Store, now.AddHours(47), CancellationToken.None));
        Assert.Equal(1, await ReservationExpiry.ExpireDueAsync(catalog.Store, now.AddHours(48), CancellationToken.None));
        Assert.Equal(0, await ReservationExpiry.ExpireDueAsync(catalog.Store, now.AddHours(72), CancellationToken.None));

        await using var reader = catalog.Store.QuerySession();
        Assert.Equal(InStoreReservation.Expired, (await reader.LoadAsync<InStoreReservation>(reservation!.Id))!.Status);
        Assert.Equal(1, (await reader.LoadAsync<StoreStock>(stock.Id))!.AvailableUnits);
    }
}
