using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;

namespace OrderPlatform.Catalog.Features.Pricing;

/// <summary>
/// Prices a checkout's lines for Ordering: unit price (euro cents, VAT included), flags and seller of
/// each SKU. Internal: the gateway does not route /internal, only services call it.
/// </summary>
public static class PricingEndpoints
{
    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/internal/pricing", PriceAsync)
            .WithTags("Internal")
            .WithName("PriceLines")
            .WithSummary("Prices SKUs for a checkout; unknown or unpublished SKUs are refused by line");
        return routes;
    }

    private static async Task<Results<Ok<PricedLines>, ValidationProblem>> PriceAsync(
        PricingRequest request, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = PricingRequest.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var products = await ProductsBySku.FindAsync(session, request.Lines!.Select(line => line.Sku!).Distinct().ToList(), cancellationToken);
        var result = Domain.Pricing.Price(request.Lines!.Select(line => (line.Sku!, line.Quantity)).ToList(), products);
        return result.Errors.Count > 0 ? TypedResults.ValidationProblem(result.Errors) : TypedResults.Ok(result.Priced!);
    }
}

public sealed record PricingRequest(IReadOnlyList<PricingLine>? Lines)
{
    public static Dictionary<string, string[]> Validate(PricingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["Give at least one line to price."];
            return errors;
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Lines[i].Sku))
            {
                errors[$"lines[{i}].sku"] = ["The SKU is required."];
            }

            if (request.Lines[i].Quantity < 1)
            {
                errors[$"lines[{i}].quantity"] = ["The quantity is at least 1."];
            }
        }

        return errors;
    }
}

public sealed record PricingLine(string? Sku, int Quantity);
