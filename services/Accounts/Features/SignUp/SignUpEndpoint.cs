using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.SignUp;

public sealed record SignUpRequest(string? Email, string? Password, string? FirstName, string? LastName, string? Phone, bool? Newsletter);

/// <param name="AwaitingApproval">On the marketplace, a sign-up operations must approve first: the confirmation e-mail follows approval [MP-03].</param>
public sealed record SignedUp(Guid CustomerId, string CustomerNumber, bool AwaitingApproval = false);

public static class SignUpEndpoint
{
    public static RouteGroupBuilder MapSignUp(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/", HandleAsync)
            .AllowAnonymous()
            .WithName("SignUp")
            .WithSummary("Sign-up with an e-mail and a password; name, phone and newsletter are optional [MP-03]");
        return accounts;
    }

    public static Dictionary<string, string[]> Validate(SignUpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (!Emails.LookValid(request.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (Passwords.WhyWeak(request.Password) is { } weak)
        {
            errors["password"] = [weak];
        }

        if (request.Phone is { } phone && !Phones.LookValid(phone))
        {
            errors["phone"] = ["A phone number has 9 to 15 digits, a leading + allowed."];
        }

        return errors;
    }

    private static async Task<Results<Created<SignedUp>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SignUpRequest request, IDocumentSession session, IPasswordHasher<Customer> hasher, AccountsPolicy policy, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customer = await NewCustomerAsync(session, hasher, Emails.Normalize(request.Email!), request.Password!, [PlatformAuthentication.CustomerRole],
            time.GetUtcNow(), cancellationToken) with
        {
            FirstName = request.FirstName?.Trim(),
            LastName = request.LastName?.Trim(),
            Phone = request.Phone?.Trim(),
            Newsletter = request.Newsletter ?? false,
            UnsubscribeToken = Customer.NewUnsubscribeToken(),
        };
        customer = customer with
        {
            AwaitingApproval = policy.SignUpApproval ? SignUpApproval.Doubt(customer.Email, customer.FirstName, customer.LastName) : null,
        };
        session.Insert(customer);
        if (customer.AwaitingApproval is null)
        {
            // The account exists for the shop: the welcome (the confirmation e-mail) goes out, the other services learn of the customer.
            session.Events.StartStream(customer.Id, customer.Registered());
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (AccountsStorage.IsUniqueViolation(e))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account already uses this e-mail address.");
        }

        return TypedResults.Created($"/api/accounts/me", new SignedUp(customer.Id, customer.CustomerNumber, customer.AwaitingApproval is not null));
    }

    /// <summary>
    /// An account with a fresh customer number from the database's sequence, in the session's transaction; without a password (null) nobody
    /// can sign in to it until one is set by a reset link.
    /// </summary>
    public static async Task<Customer> NewCustomerAsync(IDocumentSession session, IPasswordHasher<Customer> hasher, string email, string? password,
        IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(hasher);
        await session.BeginTransactionAsync(cancellationToken);
        await using var next = new NpgsqlCommand(
            $"select nextval('{session.DocumentStore.Options.DatabaseSchemaName}.{AccountsStorage.CustomerNumbers}')", session.Connection);
        var number = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        var customer = new Customer(Guid.CreateVersion7(now), "C" + number.ToString("D8", CultureInfo.InvariantCulture), email, "", roles,
            null, null, null, Newsletter: false, LoyaltyMember: false, [], now);
        return password is null ? customer : customer with { PasswordHash = hasher.HashPassword(customer, password) };
    }
}

public static class Phones
{
    public static bool LookValid(string phone)
    {
        var digits = phone.Trim().TrimStart('+').Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return digits.Length is >= 9 and <= 15 && digits.All(char.IsAsciiDigit);
    }
}
