using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.PasswordReset;

public sealed record PasswordResetRequest(string? Email);

public sealed record PasswordResetConfirmation(string? Token, string? NewPassword);

/// <summary>Forgotten password: a link by e-mail, single use, valid an hour [FR-31, JI-16, MP-05].</summary>
public static class PasswordResetEndpoints
{
    private const string Unusable = "This link is not valid (already used, expired or unknown): ask for a new one.";

    public static RouteGroupBuilder MapPasswordReset(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/password-reset", RequestAsync)
            .AllowAnonymous()
            .WithName("RequestPasswordReset")
            .WithSummary("Sends a reset link if the address has an account; answers 202 either way (no account enumeration)");
        accounts.MapPost("/password-reset/confirm", ConfirmAsync)
            .AllowAnonymous()
            .WithName("ConfirmPasswordReset")
            .WithSummary("Sets a new password with the token from the e-mail; the token works once");
        return accounts;
    }

    private static async Task<Results<Accepted, ValidationProblem>> RequestAsync(
        PasswordResetRequest request, IDocumentSession session, PasswordResetLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Emails.LookValid(request.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["A valid e-mail address is required."] });
        }

        var email = Emails.Normalize(request.Email!);
        var customer = await session.Query<Customer>().SingleOrDefaultAsync(candidate => candidate.Email == email, cancellationToken);
        if (customer is { Erased: false })
        {
            var (resetId, stored) = PasswordResetToken.Issue(links.TokenFor, customer.Id, time.GetUtcNow());
            session.Store(stored);
            session.Events.Append(customer.Id, new PasswordResetRequested(customer.Id, customer.Email, customer.FirstName, resetId, stored.ExpiresAt));
            await session.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmAsync(
        PasswordResetConfirmation confirmation, IDocumentSession session, IPasswordHasher<Customer> hasher, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(confirmation.Token))
        {
            errors["token"] = ["The token from the e-mail is required."];
        }

        if (Passwords.WhyWeak(confirmation.NewPassword) is { } weak)
        {
            errors["newPassword"] = [weak];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var stored = await session.LoadAsync<PasswordResetToken>(PasswordResetToken.HashOf(confirmation.Token!), cancellationToken);
        var customer = stored is null ? null : await session.LoadAsync<Customer>(stored.CustomerId, cancellationToken);
        if (stored is null || stored.WhyUnusable(now) is not null || customer is not { Erased: false })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [Unusable] });
        }

        session.Store(customer with { PasswordHash = hasher.HashPassword(customer, confirmation.NewPassword!) });
        session.Store(stored with { UsedAt = now });
        session.DeleteWhere<PasswordResetToken>(other => other.CustomerId == customer.Id && other.Id != stored.Id);
        await session.SaveChangesAsync(cancellationToken);

        // The reset's id (and the address) sit in the event the outbox published: mask them now the token is spent.
        await ResetTokenSweep.MaskTokensAsync(session.DocumentStore, customer.Id, expiredBy: null, cancellationToken);
        return TypedResults.NoContent();
    }
}
