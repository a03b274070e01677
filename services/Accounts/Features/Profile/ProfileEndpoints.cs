using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.SignUp;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.Profile;

public sealed record ProfileView(
    Guid CustomerId, string CustomerNumber, string Email, string? FirstName, string? LastName, string? Phone,
    IReadOnlyList<Address> Addresses, bool Newsletter, bool LoyaltyMember)
{
    public static ProfileView Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new ProfileView(customer.Id, customer.CustomerNumber, customer.Email, customer.FirstName, customer.LastName, customer.Phone,
            customer.Addresses, customer.Newsletter, customer.LoyaltyMember);
    }
}

/// <summary>
/// What a customer may change at any time [MP-04, JI-14]; what is left out stays as it was. Joining or
/// leaving the loyalty club is a change like the others, where the shop has one [FR-14].
/// </summary>
public sealed record ProfileChange(string? Email, string? FirstName, string? LastName, string? Phone, IReadOnlyList<AddressInput>? Addresses, bool? Newsletter,
    bool? LoyaltyMember = null);

public sealed record AddressInput(string? Kind, string? Line1, string? Line2, string? PostalCode, string? City, string? Country);

public static class ProfileEndpoints
{
    private static readonly string[] Countries = ["FR", "BE", "LU", "MC", "CH", "DE", "ES", "IT", "NL", "PT"];

    public static RouteGroupBuilder MapProfile(this RouteGroupBuilder accounts)
    {
        accounts.MapGet("/me", GetAsync).RequireAuthorization().WithName("GetMyProfile").WithSummary("The signed-in customer's profile");
        accounts.MapPut("/me", ChangeAsync).RequireAuthorization().WithName("ChangeMyProfile")
            .WithSummary("Change name, e-mail, phone, addresses, newsletter consent or loyalty-club membership [MP-04, JI-14, FR-14]");
        return accounts;
    }

    private static async Task<Results<Ok<ProfileView>, NotFound>> GetAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Customer>(user.CustomerId() ?? Guid.Empty, cancellationToken) is { Erased: false } customer
            ? TypedResults.Ok(ProfileView.Of(customer))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileView>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync(
        ProfileChange change, ClaimsPrincipal user, IDocumentSession session, AccountsPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(change, policy);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await session.LoadAsync<Customer>(user.CustomerId() ?? Guid.Empty, cancellationToken) is not { Erased: false } customer)
        {
            return TypedResults.NotFound();
        }

        var changed = Apply(customer, change);
        session.Store(changed);
        // Other services keep their own copy of what they need to write to the customer.
        session.Events.Append(customer.Id, changed.ProfileChanged(time.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (AccountsStorage.IsUniqueViolation(e))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account already uses this e-mail address.");
        }

        return TypedResults.Ok(ProfileView.Of(changed));
    }

    /// <summary>The account after a valid change: fields left out stay, a new address list replaces the old one.</summary>
    public static Customer Apply(Customer customer, ProfileChange change)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(change);
        return customer with
        {
            Email = change.Email is null ? customer.Email : Emails.Normalize(change.Email),
            FirstName = change.FirstName?.Trim() ?? customer.FirstName,
            LastName = change.LastName?.Trim() ?? customer.LastName,
            Phone = change.Phone?.Trim() ?? customer.Phone,
            Newsletter = change.Newsletter ?? customer.Newsletter,
            LoyaltyMember = change.LoyaltyMember ?? customer.LoyaltyMember,
            Addresses = change.Addresses is null ? customer.Addresses : change.Addresses.Select((address, index) => new Address(
                $"a{index + 1}", address.Kind!, address.Line1!.Trim(), address.Line2?.Trim(), address.PostalCode!.Trim(), address.City!.Trim(),
                address.Country!.Trim().ToUpperInvariant())).ToList(),
        };
    }

    public static Dictionary<string, string[]> Validate(ProfileChange change, AccountsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, string[]>();
        if (change.LoyaltyMember == true && !policy.LoyaltyClub)
        {
            errors["loyaltyMember"] = ["This shop has no loyalty club."];
        }

        if (change.Email is not null && !Emails.LookValid(change.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (change.Phone is not null && !Phones.LookValid(change.Phone))
        {
            errors["phone"] = ["A phone number has 9 to 15 digits, a leading + allowed."];
        }

        for (var i = 0; i < (change.Addresses?.Count ?? 0); i++)
        {
            var address = change.Addresses![i];
            if (address.Kind is not (Address.Delivery or Address.Billing))
            {
                errors[$"addresses[{i}].kind"] = ["The kind is delivery or billing."];
            }

            foreach (var (field, value) in (ValueTuple<string, string?>[])[("line1", address.Line1), ("postalCode", address.PostalCode), ("city", address.City)])
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    errors[$"addresses[{i}].{field}"] = [$"The {field} is required."];
                }
            }

            if (address.Country is null || !Countries.Contains(address.Country.Trim().ToUpperInvariant()))
            {
                errors[$"addresses[{i}].country"] = [$"The country is one the shop delivers to: {string.Join(", ", Countries)}."];
            }
        }

        return errors;
    }
}
