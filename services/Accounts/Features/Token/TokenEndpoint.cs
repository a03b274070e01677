using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Security;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Token;

/// <param name="OneTimeCode">An operator's code from their authenticator app, once it is set up.</param>
public sealed record TokenRequest(string? Email, string? Password, string? OneTimeCode = null);

public sealed record IssuedToken(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

public static class TokenEndpoint
{
    private const string Refused = "The e-mail address or the password is wrong.";

    public static RouteGroupBuilder MapToken(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/token", HandleAsync)
            .AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Sign-in: an access token for an e-mail and a password (and, for an operator, their authenticator's code)");
        return accounts;
    }

    private static async Task<Results<Ok<IssuedToken>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        TokenRequest request, IDocumentSession session, IPasswordHasher<Customer> hasher, TokenIssuer issuer, SecretSealer sealer,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors["email"] = ["The e-mail address is required."];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["The password is required."];
            }

            return TypedResults.ValidationProblem(errors);
        }

        var email = Emails.Normalize(request.Email);
        var client = SignInFailures.ClientOf(http.Request.Headers["X-Forwarded-For"], http.Connection.RemoteIpAddress);
        var now = time.GetUtcNow();
        var failures = await session.LoadAsync<SignInFailures>(SignInFailures.IdFor(email, client), cancellationToken);
        if (failures?.WaitAt(now) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passwords: try again later.");
        }

        var customer = await session.Query<Customer>().SingleOrDefaultAsync(candidate => candidate.Email == email, cancellationToken);
        // The same answer, in the same time, whether the e-mail is unknown or the password wrong: no account enumeration.
        var verdict = Passwords.Verify(hasher, customer, request.Password);
        if (customer is null || verdict == PasswordVerificationResult.Failed)
        {
            session.Store(SignInFailures.After(failures, email, client, now));
            await session.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Refused);
        }

        if (customer.AwaitingApproval is not null)
        {
            // Only to whoever holds the password: the account exists but waits for operations [MP-03].
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your account is waiting for approval: an e-mail will tell you when it is ready.");
        }

        // An operator whose authenticator is set up signs in with its code too; without one, their token only lets them set it up.
        var factor = customer.Roles.Contains(PlatformAuthentication.OpsRole) ? await session.LoadAsync<SecondFactor>(customer.Id, cancellationToken) : null;
        if (factor is { Confirmed: true })
        {
            if (string.IsNullOrWhiteSpace(request.OneTimeCode))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The code from your authenticator app is required.",
                    extensions: new Dictionary<string, object?> { ["secondFactor"] = "required" });
            }

            var key = sealer.Unprotect(SecondFactor.SealedFor(customer.Id), factor.SealedKey);
            if (OneTimeCodes.Accept(key, request.OneTimeCode, now, factor.UsedSteps) is not { } step)
            {
                // A wrong code is a guess and counts as a wrong password; a right one already taken is a replay, refused without a count.
                var used = OneTimeCodes.AlreadyUsed(key, request.OneTimeCode, now, factor.UsedSteps);
                if (!used)
                {
                    session.Store(SignInFailures.After(failures, email, client, now));
                    await session.SaveChangesAsync(cancellationToken);
                }

                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: used ? "This code was already used: wait for the next one." : "The code is wrong or expired.",
                    extensions: new Dictionary<string, object?> { ["secondFactor"] = used ? "used" : "refused" });
            }

            // Optimistic concurrency: two sign-ins racing with the same code, one wins and the other is told to try again (409).
            session.Store(factor.Taking(step));
        }

        if (failures is not null)
        {
            session.Delete(failures);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            session.Store(customer with { PasswordHash = hasher.HashPassword(customer, request.Password) });
        }

        await session.SaveChangesAsync(cancellationToken);
        var (token, expiresIn) = issuer.Issue(customer, withSecondFactor: factor is { Confirmed: true });
        return TypedResults.Ok(new IssuedToken(token, expiresIn));
    }
}
