using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Shipping.Carriers;

namespace OrderPlatform.Shipping.Features.PickupPoints;

/// <summary>Relay points and post offices near a postal code, straight from the carrier, for the checkout's map.</summary>
public static partial class PickupPointEndpoints
{
    private static readonly string[] Countries = ["FR", "BE", "LU", "MC", "ES", "NL", "DE", "PT", "IT", "AT"];

    public static RouteGroupBuilder MapPickupPoints(this RouteGroupBuilder shipping)
    {
        shipping.MapGet("/pickup-points", SearchAsync).AllowAnonymous()
            .WithName("SearchPickupPoints").WithSummary("Relay points (Mondial Relay) or pickup points and post offices (La Poste) near a postal code")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return shipping;
    }

    private static async Task<Results<Ok<IReadOnlyList<PickupPoint>>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        CarrierDirectory carriers, CancellationToken cancellationToken, string? carrier = null, string? postalCode = null, string? country = "FR")
    {
        var errors = new Dictionary<string, string[]>();
        if (carriers.For(carrier) is null)
        {
            errors["carrier"] = [$"One of {string.Join(", ", carriers.Codes)}."];
        }

        if (postalCode is null || !PostalCode().IsMatch(postalCode))
        {
            errors["postalCode"] = ["A postal code, 4 or 5 digits."];
        }

        country = (country ?? "FR").ToUpperInvariant();
        if (!Countries.Contains(country))
        {
            errors["country"] = [$"One of {string.Join(", ", Countries)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await carriers.For(carrier)!.SearchPickupPointsAsync(postalCode!, country, cancellationToken));
        }
        catch (Exception e) when (e is CarrierUnavailableException or CarrierRejectedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The carrier cannot list its pickup points right now.",
                detail: "Try again in a moment, or choose home delivery.");
        }
    }

    [GeneratedRegex("^[0-9]{4,5}$")]
    private static partial Regex PostalCode();
}
