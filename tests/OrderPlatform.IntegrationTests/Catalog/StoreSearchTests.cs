using OrderPlatform.Catalog.Features.Stores;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>Stores are found by postal code or by city name [FR-23].</summary>
public sealed class StoreSearchTests(CatalogDatabase catalog) : IClassFixture<CatalogDatabase>
{
    private async Task<IReadOnlyList<string>> FindAsync(string? postalCode, string? city)
    {
        await using var session = catalog.Store.QuerySession();
        return (await StoreSearch.FindAsync(session, postalCode, city, CancellationToken.None)).Select(store => store.Id).ToList();
    }

    [Fact]
    public async Task A_full_postal_code_finds_its_store_FR_23()
    {
        Assert.Equal(["lyon-republique"], await FindAsync("69002", null));
    }

    [Fact]
    public async Task The_start_of_a_postal_code_finds_the_department_FR_23()
    {
        Assert.Equal(["paris-rivoli", "paris-beaugrenelle"], await FindAsync("75", null));
    }

    [Theory]
    [InlineData("Liège")]
    [InlineData("liege")]
    [InlineData("LIEGE")]
    public async Task A_city_is_found_whatever_its_accents_and_case_FR_23(string city)
    {
        Assert.Equal(["liege-mediacite"], await FindAsync(null, city));
    }

    [Fact]
    public async Task Belgian_stores_are_found_too_FR_23()
    {
        Assert.Equal(["bruxelles-neuve"], await FindAsync("1000", null));
    }

    [Fact]
    public async Task A_city_without_a_store_finds_none()
    {
        Assert.Empty(await FindAsync(null, "Brest"));
    }
}
