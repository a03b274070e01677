using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.PasswordReset;
using OrderPlatform.Accounts.Features.SignUp;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Sellers;

public sealed record SellerPersonRequest(string? Email, string? FirstName, string? LastName);

/// <summary>A person acting for the seller; <see cref="Invited"/> while they have not chosen a password yet.</summary>
public sealed record SellerPersonView(Guid CustomerId, string Email, string? FirstName, string? LastName, bool Invited)
{
    public static SellerPersonView Of(Customer person, bool invited)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Id, person.Email, person.FirstName, person.LastName, invited);
    }
}

/// <summary>The people who act for a marketplace seller, managed by the seller's own people [MP-01]. Another seller's person is unknown here (404).</summary>
public static class SellerPeopleEndpoints
{
    public static RouteGroupBuilder MapSellerPeople(this RouteGroupBuilder accounts)
    {
        var people = accounts.MapGroup("/seller/people").RequireAuthorization(PlatformAuthentication.Seller);
        people.MapGet("", ListAsync).WithName("ListSellerPeople").WithSummary("The people who act for my seller [MP-01]");
        people.MapPost("", AddAsync).WithName("AddSellerPerson")
            .WithSummary("A colleague acts for my seller: an existing account is given access, a new one is opened and e-mailed a link to choose its password [MP-01]");
        people.MapDelete("/{customerId}", RemoveAsync).WithName("RemoveSellerPerson")
            .WithSummary("A colleague no longer acts for my seller (they keep their customer account, if any); not oneself");
        return accounts;
    }

    private static async Task<Ok<IReadOnlyList<SellerPersonView>>> ListAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var sellerId = user.SellerId()!;
        var people = await session.Query<Customer>().Where(person => person.SellerId == sellerId).OrderBy(person => person.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SellerPersonView>>(people.Where(person => person.Roles.Contains(PlatformAuthentication.SellerRole))
            .Select(person => SellerPersonView.Of(person, Invited(person))).ToList());
    }

    private static async Task<Results<Created<SellerPersonView>, Ok<SellerPersonView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        SellerPersonRequest request, ClaimsPrincipal user, IDocumentSession session, IPasswordHasher<Customer> hasher, PasswordResetLinks links,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Emails.LookValid(request.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (request.FirstName is { Length: > 100 } || request.LastName is { Length: > 100 })
        {
            errors["name"] = ["A name is at most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sellerId = user.SellerId()!;
        var email = Emails.Normalize(request.Email!);
        var now = time.GetUtcNow();
        if (await session.Query<Customer>().SingleOrDefaultAsync(account => account.Email == email, cancellationToken) is { } existing)
        {
            var (person, refusal) = SellerPeople.Join(existing, sellerId);
            if (refusal is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
            }

            session.Store(person!);
            await session.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(SellerPersonView.Of(person!, Invited(person!)));
        }

        // A new person has no password: the e-mailed link (the reset's) lets them choose one.
        var opened = await SignUpEndpoint.NewCustomerAsync(session, hasher, email, password: null, [PlatformAuthentication.SellerRole], now, cancellationToken)
            with { SellerId = sellerId, FirstName = request.FirstName?.Trim(), LastName = request.LastName?.Trim() };
        session.Insert(opened);
        var (resetId, stored) = PasswordResetToken.Issue(links.TokenFor, opened.Id, now);
        session.Store(stored);
        session.Events.StartStream(opened.Id, new PasswordResetRequested(opened.Id, opened.Email, opened.FirstName, resetId, stored.ExpiresAt,
            InvitedBySeller: await SellerNameAsync(session, sellerId, cancellationToken)));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (AccountsStorage.IsUniqueViolation(e))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account was opened with this address meanwhile: add it again.");
        }

        return TypedResults.Created("/api/accounts/seller/people", SellerPersonView.Of(opened, invited: true));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(string customerId, ClaimsPrincipal user, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(customerId, out var id) || await session.LoadAsync<Customer>(id, cancellationToken) is not { } person)
        {
            return TypedResults.NotFound();
        }

        var (former, refusal) = SellerPeople.Remove(person, user.SellerId()!, user.CustomerId()!.Value);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        if (former is null)
        {
            return TypedResults.NotFound();
        }

        session.Store(former);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>An account opened for a colleague has no password until they follow the link.</summary>
    private static bool Invited(Customer person) => person.PasswordHash.Length == 0;

    private static async Task<string> SellerNameAsync(IQuerySession session, string sellerId, CancellationToken cancellationToken) =>
        (await session.LoadAsync<KnownSeller>(sellerId, cancellationToken))?.Name ?? sellerId;
}
