using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.PasswordReset;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Password;

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A signed-in customer changes their password, proving they know the current one [FR-31, JI-14].</summary>
public static class PasswordChangeEndpoint
{
    public static RouteGroupBuilder MapPasswordChange(this RouteGroupBuilder accounts)
    {
        accounts.MapPut("/me/password", HandleAsync)
            .RequireAuthorization()
            .WithName("ChangeMyPassword")
            .WithSummary("Change the password with the current one [FR-31, JI-14]; wrong current passwords count towards sign-in throttling");
        return accounts;
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        PasswordChange change, ClaimsPrincipal user, IDocumentSession session, IPasswordHasher<Customer> hasher, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(change.CurrentPassword))
        {
            errors["currentPassword"] = ["The current password is required."];
        }

        if (Passwords.WhyWeak(change.NewPassword) is { } weak)
        {
            errors["newPassword"] = [weak];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await session.LoadAsync<Customer>(user.CustomerId() ?? Guid.Empty, cancellationToken) is not { Erased: false } customer)
        {
            return TypedResults.NotFound();
        }

        // A stolen token must not become a way to guess the password: the same throttle as sign-in.
        var now = time.GetUtcNow();
        var client = SignInFailures.ClientOf(http.Request.Headers["X-Forwarded-For"], http.Connection.RemoteIpAddress);
        var failures = await session.LoadAsync<SignInFailures>(SignInFailures.IdFor(customer.Email, client), cancellationToken);
        if (failures?.WaitAt(now) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passwords: try again later.");
        }

        if (hasher.VerifyHashedPassword(customer, customer.PasswordHash, change.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            session.Store(SignInFailures.After(failures, customer.Email, client, now));
            await session.SaveChangesAsync(cancellationToken);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        session.Store(customer with { PasswordHash = hasher.HashPassword(customer, change.NewPassword!) });
        // A reset link asked for before the change must not undo it.
        session.DeleteWhere<PasswordResetToken>(token => token.CustomerId == customer.Id);
        await session.SaveChangesAsync(cancellationToken);
        await ResetTokenSweep.MaskTokensAsync(session.DocumentStore, customer.Id, expiredBy: null, cancellationToken);
        return TypedResults.NoContent();
    }
}
