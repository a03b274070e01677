using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.Stores;

public static class StoreEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder catalog)
    {
        catalog.MapGet("/stores", FindAsync)
            .WithName("FindStores")
            .WithSummary("Store locator: by postal code (or its start, such as a department) or by city name [FR-23]");
        return catalog;
    }

    private static async Task<Results<Ok<IReadOnlyList<Store>>, ValidationProblem>> FindAsync(
        string? postalCode, string? city, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = StoreSearch.Validate(postalCode, city);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await StoreSearch.FindAsync(session, postalCode, city, cancellationToken));
    }
}

public static class StoreSearch
{
    public static Dictionary<string, string[]> Validate(string? postalCode, string? city)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(postalCode) == string.IsNullOrWhiteSpace(city))
        {
            errors["postalCode"] = ["Give a postal code or a city, one of the two."];
        }
        else if (postalCode is not null && !postalCode.Trim().All(char.IsAsciiDigit))
        {
            errors["postalCode"] = ["A postal code is made of digits."];
        }

        return errors;
    }

    /// <summary>Stores whose postal code starts with the one given (so "75" finds Paris), or whose city is the one given, accents and case aside.</summary>
    public static async Task<IReadOnlyList<Store>> FindAsync(IQuerySession session, string? postalCode, string? city, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!string.IsNullOrWhiteSpace(postalCode))
        {
            var prefix = postalCode.Trim();
            return await session.Query<Store>().Where(store => store.PostalCode.StartsWith(prefix))
                .OrderBy(store => store.PostalCode).ToListAsync(cancellationToken);
        }

        var key = SearchText.Normalize(city);
        return await session.Query<Store>().Where(store => store.CityKey == key || store.CityKey.StartsWith(key + " "))
            .OrderBy(store => store.Name).ToListAsync(cancellationToken);
    }
}
