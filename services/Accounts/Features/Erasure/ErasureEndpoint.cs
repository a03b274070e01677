using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Erasure;

public static class ErasureEndpoint
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder accounts)
    {
        accounts.MapDelete("/me", HandleAsync)
            .RequireAuthorization()
            .WithName("EraseMyAccount")
            .WithSummary("GDPR erasure: the account's personal data is erased, everywhere it was stored [JI-15]");
        return accounts;
    }

    private static async Task<Results<NoContent, NotFound>> HandleAsync(
        ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Customer>(user.CustomerId() ?? Guid.Empty, cancellationToken) is not { Erased: false } customer)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        session.Store(customer.Erase(now));
        session.Delete<SignInFailures>(SignInFailures.IdFor(customer.Email));
        session.DeleteWhere<PasswordResetToken>(token => token.CustomerId == customer.Id);
        session.Events.Append(customer.Id, new CustomerErased(customer.Id, customer.CustomerNumber, now));
        await session.SaveChangesAsync(cancellationToken);

        // The sign-up event named the person: rewrite it in the event store too.
        await session.DocumentStore.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(customer.Id), cancellationToken);
        return TypedResults.NoContent();
    }
}
