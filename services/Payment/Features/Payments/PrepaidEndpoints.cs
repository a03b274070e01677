using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Payment.Prepaid;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

public sealed record StoreCreditView(long BalanceCents, IReadOnlyList<PrepaidMovement> Movements);

public sealed record GiftCardView(string Code, long BalanceCents, DateTimeOffset? ExpiresAt, bool Usable);

public sealed record CreditRequest(long AmountCents, string? Reason, string? Reference);

public sealed record NewGiftCard(long AmountCents, DateTimeOffset? ExpiresAt, string? Code);

/// <summary>Store credit [FR-13, FR-25] and gift cards [MP-07]: balances for customers, credits and cards issued by ops.</summary>
public static class PrepaidEndpoints
{
    public static RouteGroupBuilder MapPrepaid(this RouteGroupBuilder payments)
    {
        payments.MapGet("/store-credit", StoreCreditAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("GetMyStoreCredit").WithSummary("My store credit: balance and movements [FR-25]");
        payments.MapGet("/gift-cards/{code}", GiftCardAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("GetGiftCard").WithSummary("A gift card's balance and expiry [MP-07]");
        return payments;
    }

    public static RouteGroupBuilder MapPrepaidOperations(this RouteGroupBuilder ops)
    {
        ops.MapPost("/store-credit/{customerId:guid}", CreditAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CreditStoreCredit").WithSummary("Ops: credit a customer's store credit (a gesture, a refund by hand); once per reference");
        ops.MapPost("/gift-cards", IssueGiftCardAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("IssueGiftCard").WithSummary("Ops: issue a gift card with a value and an expiry [MP-07]");
        return ops;
    }

    private static async Task<Ok<StoreCreditView>> StoreCreditAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<PrepaidAccount>(PrepaidAccount.StoreCreditOf(user.CustomerId() ?? Guid.Empty), cancellationToken);
        return TypedResults.Ok(new StoreCreditView(account?.BalanceCents ?? 0, account?.Movements.Reverse().ToList() ?? []));
    }

    private static async Task<Results<Ok<GiftCardView>, NotFound>> GiftCardAsync(string code, IQuerySession session, TimeProvider time,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<PrepaidAccount>(PrepaidAccount.GiftCardOf(code), cancellationToken) is { Kind: PrepaidAccount.GiftCard } card
            ? TypedResults.Ok(new GiftCardView(PrepaidAccount.NormalizeCode(code), card.BalanceCents, card.ExpiresAt,
                card.BalanceCents > 0 && !(card.ExpiresAt <= time.GetUtcNow())))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<StoreCreditView>, ValidationProblem, ProblemHttpResult>> CreditAsync(Guid customerId, CreditRequest request,
        PrepaidProvider prepaid, IQuerySession session, CancellationToken cancellationToken)
    {
        if (request.AmountCents is <= 0 or > 1_000_000 || string.IsNullOrWhiteSpace(request.Reason) || string.IsNullOrWhiteSpace(request.Reference)
            || request.Reason.Length > 200 || request.Reference.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["amountCents"] = ["A positive amount (at most 10 000 €), a reason (200 characters at most) and a reference (100 at most; it makes a retry harmless) are required."],
            });
        }

        if (await session.LoadAsync<CustomerAccount>(customerId, cancellationToken) is not { Erased: false })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Payment knows no customer {customerId} (an account just opened takes a moment to be known).");
        }

        var account = await prepaid.CreditAsync(PrepaidAccount.StoreCreditOf(customerId), PrepaidAccount.StoreCredit, customerId, request.AmountCents, null,
            request.Reason!, $"credit-{customerId:N}-{request.Reference}", cancellationToken);
        return TypedResults.Ok(new StoreCreditView(account.BalanceCents, account.Movements.Reverse().ToList()));
    }

    private static async Task<Results<Created<GiftCardView>, ValidationProblem>> IssueGiftCardAsync(NewGiftCard request, PrepaidProvider prepaid,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.AmountCents is <= 0 or > 500_000 || request.ExpiresAt is not { } expires || expires <= time.GetUtcNow())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["amountCents"] = ["A positive value (at most 5 000 €) and a future expiresAt are required."],
            });
        }

        var code = PrepaidAccount.NormalizeCode(request.Code ?? "CADEAU-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        var card = await prepaid.CreditAsync(PrepaidAccount.GiftCardOf(code), PrepaidAccount.GiftCard, null, request.AmountCents, expires, "gift card issued",
            $"gift-{code}", cancellationToken);
        return TypedResults.Created($"/api/payments/gift-cards/{code}", new GiftCardView(code, card.BalanceCents, card.ExpiresAt, true));
    }
}
