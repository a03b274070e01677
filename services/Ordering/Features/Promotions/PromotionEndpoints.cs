using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Promotions;

public sealed record NewPromoCode(string? Code, string? Kind, int? Percent, long? AmountCents, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil,
    long? MinimumBasketCents, int? UsesPerCustomer, int? TotalUses);

public sealed record PromoCodeView(string Code, string Kind, int Percent, long AmountCents, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    long MinimumBasketCents, int? UsesPerCustomer, int? TotalUses, int Uses)
{
    public static PromoCodeView Of(PromoCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new PromoCodeView(code.Id, code.Kind, code.Percent, code.AmountCents, code.ValidFrom, code.ValidUntil, code.MinimumBasketCents,
            code.UsesPerCustomer, code.TotalUses, code.Uses.Count);
    }
}

/// <summary>Whether the signed-in customer can use a code now, on a basket of the given amount.</summary>
public sealed record PromoCheck(string Code, string Kind, int Percent, long AmountCents, long MinimumBasketCents, DateTimeOffset ValidUntil, bool Usable,
    string? Reason);

/// <summary>Promo codes: ops create and list them; a customer checks one before paying [FR-24].</summary>
public static class PromotionEndpoints
{
    public static RouteGroupBuilder MapPromotions(this RouteGroupBuilder promotions)
    {
        promotions.MapPost("/", CreateAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CreatePromoCode").WithSummary("Ops: a new promo code (percentage, fixed-amount or free-shipping)");
        promotions.MapGet("/", ListAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListPromoCodes").WithSummary("Ops: every promo code with how often it is used");
        promotions.MapGet("/{code}", CheckAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("CheckPromoCode").WithSummary("Is this code valid for me now, on a basket of basketCents [FR-24]");
        return promotions;
    }

    public static Dictionary<string, string[]> Validate(NewPromoCode request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > 40 || !request.Code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors["code"] = ["A code has 1 to 40 letters, digits or dashes."];
        }

        switch (request.Kind)
        {
            case PromoCode.Percentage when request.Percent is not (>= 1 and <= 90):
                errors["percent"] = ["A percentage is between 1 and 90."];
                break;
            case PromoCode.FixedAmount when request.AmountCents is not > 0:
                errors["amountCents"] = ["A fixed amount is positive (euro cents)."];
                break;
            case PromoCode.Percentage or PromoCode.FixedAmount or PromoCode.FreeShipping:
                break;
            default:
                errors["kind"] = [$"One of {string.Join(", ", PromoCode.Kinds)}."];
                break;
        }

        if (request.ValidFrom is null || request.ValidUntil is null || request.ValidUntil <= request.ValidFrom)
        {
            errors["validUntil"] = ["validFrom and validUntil are required, validUntil after validFrom."];
        }

        if (request.MinimumBasketCents is < 0 || request.UsesPerCustomer is < 1 || request.TotalUses is < 1)
        {
            errors["limits"] = ["minimumBasketCents ≥ 0; usesPerCustomer and totalUses ≥ 1 when given."];
        }

        return errors;
    }

    private static async Task<Results<Created<PromoCodeView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewPromoCode request, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = new PromoCode(PromoCode.Normalize(request.Code!), request.Kind!, request.Percent ?? 0, request.AmountCents ?? 0, request.ValidFrom!.Value,
            request.ValidUntil!.Value, request.MinimumBasketCents ?? 0, request.UsesPerCustomer, request.TotalUses, [], time.GetUtcNow());
        session.Insert(code);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The code {code.Id} already exists.");
        }

        return TypedResults.Created($"/api/promotions/{code.Id}", PromoCodeView.Of(code));
    }

    private static async Task<Ok<IReadOnlyList<PromoCodeView>>> ListAsync(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PromoCodeView>>((await session.Query<PromoCode>().OrderByDescending(code => code.CreatedAt).Take(500)
            .ToListAsync(cancellationToken)).Select(PromoCodeView.Of).ToList());

    private static async Task<Results<Ok<PromoCheck>, NotFound>> CheckAsync(
        string code, ClaimsPrincipal user, IQuerySession session, TimeProvider time, CancellationToken cancellationToken, long? basketCents = null)
    {
        if (await session.LoadAsync<PromoCode>(PromoCode.Normalize(code), cancellationToken) is not { } promo)
        {
            return TypedResults.NotFound();
        }

        var reason = PromoRules.WhyNot(promo, user.CustomerId() ?? Guid.Empty, basketCents ?? long.MaxValue, time.GetUtcNow());
        return TypedResults.Ok(new PromoCheck(promo.Id, promo.Kind, promo.Percent, promo.AmountCents, promo.MinimumBasketCents, promo.ValidUntil,
            reason is null, reason));
    }
}
