using Microsoft.AspNetCore.Identity;
using OrderPlatform.Contracts;

namespace OrderPlatform.Accounts.Domain;

/// <summary>
/// A customer's account (or an operator's, or a marketplace seller's person): e-mail, hashed password, roles, and the profile the shop
/// needs to deliver (name, phone, addresses), newsletter consent and loyalty-club membership; <see cref="SellerId"/> is the seller
/// a person with the seller role acts for [MP-01]; <see cref="AwaitingApproval"/> says why a marketplace sign-up waits for operations [MP-03].
/// </summary>
public sealed record Customer(
    Guid Id,
    string CustomerNumber,
    string Email,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    string? FirstName,
    string? LastName,
    string? Phone,
    bool Newsletter,
    bool LoyaltyMember,
    IReadOnlyList<Address> Addresses,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ErasedAt = null,
    string? UnsubscribeToken = null,
    string? SellerId = null,
    string? AwaitingApproval = null)
{
    /// <summary>The token of the unsubscribe link every newsletter carries [FR-32]: it can only unsubscribe.</summary>
    public static string NewUnsubscribeToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Erased => ErasedAt is not null;

    /// <summary>No one: whose stand-in password is checked when an address has no account.</summary>
    public static Customer StandIn { get; } = new(Guid.Empty, "", "", "", [], null, null, null, false, false, [], DateTimeOffset.UnixEpoch);

    /// <summary>The account exists for the shop: what other services keep about the new customer (and the welcome e-mail).</summary>
    public CustomerRegistered Registered() => new(Id, CustomerNumber, Email, FirstName, LastName, Newsletter, UnsubscribeToken, Phone);

    /// <summary>What other services keep about the customer, as it now is, for them to replace their copy.</summary>
    public CustomerProfileChanged ProfileChanged(DateTimeOffset now) =>
        new(Id, Email, FirstName, LastName, Phone, Newsletter, LoyaltyMember, now);

    /// <summary>
    /// The account after a GDPR erasure [JI-15]: nothing that identifies the person remains, not even a
    /// way to sign in; the id and customer number stay so that kept orders and invoices still add up.
    /// </summary>
    public Customer Erase(DateTimeOffset now) => this with
    {
        Email = $"erased-{Id:N}@erased.invalid",
        PasswordHash = "",
        Roles = [],
        SellerId = null,
        FirstName = null,
        LastName = null,
        Phone = null,
        Newsletter = false,
        LoyaltyMember = false,
        Addresses = [],
        ErasedAt = now,
        UnsubscribeToken = null,
    };
}

/// <summary>A delivery or billing address.</summary>
public sealed record Address(string Id, string Kind, string Line1, string? Line2, string PostalCode, string City, string Country)
{
    public const string Delivery = "delivery";
    public const string Billing = "billing";
}

public static class Emails
{
    /// <summary>The form an e-mail is stored and compared in: trimmed, lower case.</summary>
    public static string Normalize(string email) => (email ?? "").Trim().ToLowerInvariant();

    public static bool LookValid(string? email) =>
        email is { Length: >= 3 and <= 254 } && email.Trim() is var trimmed
        && trimmed.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < trimmed.Length - 1
        && !trimmed.Contains(' ', StringComparison.Ordinal);
}

public static class Passwords
{
    public const int MinLength = 10;

    /// <summary>At least ten characters, with a letter and a digit: what the shop asks, no more.</summary>
    public static string? WhyWeak(string? password) =>
        password is null || password.Length < MinLength ? $"The password needs at least {MinLength} characters."
        : !password.Any(char.IsLetter) || !password.Any(char.IsDigit) ? "The password needs a letter and a digit."
        : password.Length > 128 ? "The password is at most 128 characters."
        : null;

    /// <summary>
    /// The customer's password checked; with no such customer, a stand-in hash is checked all the same, so an unknown address
    /// takes as long to refuse as a wrong password (no account enumeration by timing).
    /// </summary>
    public static PasswordVerificationResult Verify(IPasswordHasher<Customer> hasher, Customer? customer, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (customer is null)
        {
            var standIn = StandIn.Value;
            _ = hasher.VerifyHashedPassword(standIn.Customer, standIn.Hash, password);
            return PasswordVerificationResult.Failed;
        }

        return hasher.VerifyHashedPassword(customer, customer.PasswordHash, password);
    }

    private static readonly Lazy<(Customer Customer, string Hash)> StandIn = new(() =>
    {
        var hasher = new PasswordHasher<Customer>();
        var nobody = Customer.StandIn;
        return (nobody, hasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    });
}
