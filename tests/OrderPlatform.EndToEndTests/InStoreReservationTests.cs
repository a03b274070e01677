using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>E-Réservation through the gateway [FR-21].</summary>
[Collection(PlatformCollection.Name)]
public sealed class InStoreReservationTests(PlatformFixture platform)
{
    // The demo data gives the first SKU of the catalogue one unit in the first store.
    private const string Sku = "FEMME-ROBE-D-ETE-FLEURIE-NOIR-XS";
    private const string StoreId = "paris-rivoli";

    [Fact]
    public async Task A_customer_reserves_the_last_unit_of_a_store_for_two_days_and_the_next_one_cannot_FR_21()
    {
        using var first = await Accounts.NewCustomerAsync(platform.Gateway);
        using var second = await Accounts.NewCustomerAsync(platform.Gateway);

        using var reserved = await first.PostAsJsonAsync("/api/catalog/reservations", new { sku = Sku, storeId = StoreId });
        using var refused = await second.PostAsJsonAsync("/api/catalog/reservations", new { sku = Sku, storeId = StoreId });

        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var reservation = await reserved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("confirmed", reservation.GetProperty("status").GetString());
        var holdUntil = reservation.GetProperty("holdUntil").GetDateTimeOffset();
        Assert.InRange(holdUntil - DateTimeOffset.UtcNow, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var id = reservation.GetProperty("reservationId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/catalog/reservations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/catalog/reservations/{id}")).StatusCode); // ALL-05
    }

    [Fact]
    public async Task Reserving_needs_an_account_a_known_store_and_names_missing_fields()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await platform.Gateway.PostAsJsonAsync("/api/catalog/reservations", new { sku = Sku, storeId = StoreId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await customer.PostAsJsonAsync("/api/catalog/reservations", new { sku = Sku, storeId = "pas-un-magasin" })).StatusCode);
        using var missing = await customer.PostAsJsonAsync("/api/catalog/reservations", new { sku = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sku", out _));
        Assert.True(errors.TryGetProperty("storeId", out _));
    }
}
