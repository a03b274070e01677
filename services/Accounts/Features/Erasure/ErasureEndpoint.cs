using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Erasure;

/// <summary>An operator's erasure, for a request that came by mail or phone: both identifiers must match [JI-15].</summary>
public sealed record ErasureRequest(string? Email, string? CustomerNumber);

public static class ErasureEndpoint
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder accounts)
    {
        accounts.MapDelete("/me", EraseMineAsync)
            .RequireAuthorization()
            .WithName("EraseMyAccount")
            .WithSummary("GDPR erasure: the account's personal data is erased, everywhere it was stored [JI-15]");
        accounts.MapPost("/erasures", EraseOnRequestAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("EraseAccountOnRequest")
            .WithSummary("Ops: erase the account a customer identified by e-mail and customer number [JI-15]; 404 unless both match");
        return accounts;
    }

    private static async Task<Results<NoContent, NotFound>> EraseMineAsync(
        ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Customer>(user.CustomerId() ?? Guid.Empty, cancellationToken) is not { Erased: false } customer)
        {
            return TypedResults.NotFound();
        }

        await EraseAsync(session, customer, time.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> EraseOnRequestAsync(
        ErasureRequest request, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Emails.LookValid(request.Email))
        {
            errors["email"] = ["The account's e-mail address is required."];
        }

        if (string.IsNullOrWhiteSpace(request.CustomerNumber))
        {
            errors["customerNumber"] = ["The customer number is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var email = Emails.Normalize(request.Email!);
        var number = request.CustomerNumber!.Trim().ToUpperInvariant();
        var customer = await session.Query<Customer>().SingleOrDefaultAsync(candidate => candidate.Email == email, cancellationToken);
        if (customer is not { Erased: false } || customer.CustomerNumber != number)
        {
            return TypedResults.NotFound();
        }

        await EraseAsync(session, customer, time.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task EraseAsync(IDocumentSession session, Customer customer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        session.Store(customer.Erase(now));
        var account = SignInFailures.AccountOf(customer.Email);
        session.DeleteWhere<SignInFailures>(failures => failures.Account == account);
        session.DeleteWhere<PasswordResetToken>(token => token.CustomerId == customer.Id);
        session.Events.Append(customer.Id, new CustomerErased(customer.Id, customer.CustomerNumber, now));
        await session.SaveChangesAsync(cancellationToken);

        // The events that named the person (sign-up, profile changes, resets): rewrite them in the event store too.
        await session.DocumentStore.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(customer.Id), cancellationToken);
    }
}
