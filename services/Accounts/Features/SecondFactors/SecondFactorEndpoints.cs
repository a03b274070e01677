using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.Token;
using OrderPlatform.Accounts.Security;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.SecondFactors;

/// <summary>The key an authenticator app reads (shown once, as a QR code or typed), and the address that QR code holds.</summary>
public sealed record SecondFactorEnrolment(string Key, string Uri);

public sealed record SecondFactorConfirmation(string? Code);

/// <summary>
/// An operator signed in with their password alone sets up their authenticator app: a new key, then a first code from the app proves
/// it reads it, and the answer is a token with the ops role. Until then their token can do nothing else.
/// </summary>
public static class SecondFactorEndpoints
{
    public static RouteGroupBuilder MapSecondFactor(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/me/second-factor", StartAsync)
            .RequireAuthorization(policy => policy.RequireRole(PlatformAuthentication.OpsEnrolmentRole))
            .WithName("StartSecondFactor")
            .WithSummary("An operator without an authenticator yet gets a new key for their app (any earlier unconfirmed one is replaced)");
        accounts.MapPost("/me/second-factor/confirmation", ConfirmAsync)
            .RequireAuthorization(policy => policy.RequireRole(PlatformAuthentication.OpsEnrolmentRole))
            .WithName("ConfirmSecondFactor")
            .WithSummary("The app's first code confirms the authenticator; the answer is a token with the ops role");
        accounts.MapPost("/me/second-factor/verification", VerifyAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("VerifySecondFactor")
            .WithSummary("An operator types a new code before moving money above Operations:FreshCode:AboveCents: the answer is a new token from that code");
        return accounts;
    }

    /// <summary>An operator who lost their phone: another (or they, still signed in) clears their authenticator; their next sign-in sets a new one up.</summary>
    public static RouteGroupBuilder MapSecondFactorReset(this RouteGroupBuilder ops)
    {
        ops.MapDelete("/operators/{accountId}/second-factor", ResetAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ResetOperatorSecondFactor")
            .WithSummary("Clear an operator's authenticator (a lost phone), with the reason in X-Operator-Reason; their next sign-in sets a new one up");
        return ops;
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> ResetAsync(string accountId, HttpContext http, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(http.Request.Headers["X-Operator-Reason"]))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["X-Operator-Reason"] = ["Say why the authenticator is cleared (a lost phone, a new one)."],
            });
        }

        if (!Guid.TryParse(accountId, out var id) || await session.LoadAsync<Customer>(id, cancellationToken) is not { } operatorAccount
            || !operatorAccount.Roles.Contains(PlatformAuthentication.OpsRole) || await session.LoadAsync<SecondFactor>(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        session.Delete<SecondFactor>(id);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IssuedToken>, ValidationProblem, NotFound, ProblemHttpResult>> VerifyAsync(
        SecondFactorConfirmation verification, ClaimsPrincipal user, IDocumentSession session, SecretSealer sealer, TokenIssuer issuer,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var accountId = user.CustomerId()!.Value;
        if (await session.LoadAsync<Customer>(accountId, cancellationToken) is not { } account
            || await session.LoadAsync<SecondFactor>(accountId, cancellationToken) is not { Confirmed: true } factor)
        {
            return TypedResults.NotFound();
        }

        // Wrong codes count as wrong passwords: a stolen session cannot try a million codes.
        var now = time.GetUtcNow();
        var client = SignInFailures.ClientOf(http.Request.Headers["X-Forwarded-For"], http.Connection.RemoteIpAddress);
        var failures = await session.LoadAsync<SignInFailures>(SignInFailures.IdFor(account.Email, client), cancellationToken);
        if (failures?.WaitAt(now) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong codes: try again later.");
        }

        var key = sealer.Unprotect(SecondFactor.SealedFor(accountId), factor.SealedKey);
        if (OneTimeCodes.Accept(key, verification.Code, now, factor.UsedSteps) is not { } step)
        {
            if (!OneTimeCodes.AlreadyUsed(key, verification.Code, now, factor.UsedSteps))
            {
                session.Store(SignInFailures.After(failures, account.Email, client, now));
                await session.SaveChangesAsync(cancellationToken);
            }

            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = ["The code is wrong, expired or already used: type the six digits your app shows now."],
            });
        }

        session.Store(factor.Taking(step));
        await session.SaveChangesAsync(cancellationToken);
        var (token, expiresIn) = issuer.Issue(account, withSecondFactor: true);
        return TypedResults.Ok(new IssuedToken(token, expiresIn));
    }

    private static async Task<Results<Ok<SecondFactorEnrolment>, NotFound, ProblemHttpResult>> StartAsync(
        ClaimsPrincipal user, IDocumentSession session, SecretSealer sealer, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Customer>(user.CustomerId()!.Value, cancellationToken) is not { } account)
        {
            return TypedResults.NotFound();
        }

        if (await session.LoadAsync<SecondFactor>(account.Id, cancellationToken) is { Confirmed: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Your authenticator is already set up: sign in with its code.");
        }

        var key = OneTimeCodes.NewKey();
        session.Store(new SecondFactor(account.Id, sealer.Protect(SecondFactor.SealedFor(account.Id), key), time.GetUtcNow(), null, []));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SecondFactorEnrolment(key, OneTimeCodes.EnrolmentUri(key, "OrderPlatform", account.Email)));
    }

    private static async Task<Results<Ok<IssuedToken>, ValidationProblem, NotFound, ProblemHttpResult>> ConfirmAsync(
        SecondFactorConfirmation confirmation, ClaimsPrincipal user, IDocumentSession session, SecretSealer sealer, TokenIssuer issuer,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var accountId = user.CustomerId()!.Value;
        if (await session.LoadAsync<Customer>(accountId, cancellationToken) is not { } account
            || await session.LoadAsync<SecondFactor>(accountId, cancellationToken) is not { } factor)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No authenticator is being set up: start again.");
        }

        if (factor.Confirmed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Your authenticator is already set up: sign in with its code.");
        }

        var now = time.GetUtcNow();
        if (OneTimeCodes.Accept(sealer.Unprotect(SecondFactor.SealedFor(accountId), factor.SealedKey), confirmation.Code, now, factor.UsedSteps)
            is not { } step)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = ["The code is wrong or has expired: type the six digits your app shows now."],
            });
        }

        session.Store(factor.Taking(step) with { ConfirmedAt = now });
        await session.SaveChangesAsync(cancellationToken);
        var (token, expiresIn) = issuer.Issue(account, withSecondFactor: true);
        return TypedResults.Ok(new IssuedToken(token, expiresIn));
    }
}
