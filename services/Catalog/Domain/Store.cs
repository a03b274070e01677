namespace OrderPlatform.Catalog.Domain;

/// <summary>A shop's physical store, found by postal code or city name [FR-23].</summary>
public sealed record Store(
    string Id,
    string Name,
    string Address,
    string PostalCode,
    string City,
    string Country,
    string Phone,
    IReadOnlyList<string> OpeningHours)
{
    public string CityKey => SearchText.Normalize(City);
}
