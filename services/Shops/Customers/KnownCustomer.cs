using Marten;
using OrderPlatform.Contracts;

namespace OrderPlatform.Shops.Customers;

/// <summary>
/// What a service keeps about a customer, from Accounts' events only (never by asking Accounts in a
/// flow): how to address and reach them, their consents and memberships. After an erasure only the id,
/// the customer number and the date stay, so a late event cannot bring the person back. Accounts'
/// events are consumed on separate queues, so two may change one customer at once: the second to
/// commit fails on the version check and is retried on what the first wrote.
/// </summary>
[Marten.Schema.UseOptimisticConcurrency]
public sealed record KnownCustomer(
    Guid Id,
    string CustomerNumber,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    bool Newsletter,
    bool LoyaltyMember,
    string? UnsubscribeToken,
    DateTimeOffset? ProfileChangedAt,
    DateTimeOffset? ErasedAt = null)
{
    public bool Erased => ErasedAt is not null;

    /// <summary>"Camille Durand", or null when the customer gave no name.</summary>
    public string? FullName => string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name
        ? name : null;
}

/// <summary>How each of Accounts' events changes what a service knows; events may arrive out of order.</summary>
public static class KnownCustomers
{
    /// <summary>
    /// Serialises what reads a customer's contact to write to them with their erasure, across replicas: a message being queued
    /// either commits first (and the erasure then forgets it) or sees the customer erased [JI-15].
    /// </summary>
    public static Task LockAsync(IDocumentSession session, Guid customerId, CancellationToken cancellationToken) =>
        Messaging.Persistence.AdvisoryLocks.LockAsync(session, ["customer:" + customerId], cancellationToken);

    public static KnownCustomer? Apply(KnownCustomer? known, CustomerRegistered registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return known switch
        {
            null => new KnownCustomer(registered.CustomerId, registered.CustomerNumber, registered.Email, registered.FirstName, registered.LastName,
                registered.Phone, registered.Newsletter, LoyaltyMember: false, registered.UnsubscribeToken, ProfileChangedAt: null),
            { Erased: true } => known,
            // A profile change overtook the sign-up: it is newer, keep it, and take what only the sign-up carries.
            _ => known with { CustomerNumber = registered.CustomerNumber, UnsubscribeToken = known.UnsubscribeToken ?? registered.UnsubscribeToken },
        };
    }

    public static KnownCustomer? Apply(KnownCustomer? known, CustomerProfileChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (known is { Erased: true } || known?.ProfileChangedAt >= changed.ChangedAt)
        {
            return known;
        }

        return (known ?? new KnownCustomer(changed.CustomerId, "", null, null, null, null, false, false, null, null)) with
        {
            Email = changed.Email,
            FirstName = changed.FirstName,
            LastName = changed.LastName,
            Phone = changed.Phone,
            Newsletter = changed.Newsletter,
            LoyaltyMember = changed.LoyaltyMember,
            ProfileChangedAt = changed.ChangedAt,
        };
    }

    public static KnownCustomer Apply(KnownCustomer? known, CustomerErased erased)
    {
        ArgumentNullException.ThrowIfNull(erased);
        return new KnownCustomer(erased.CustomerId, erased.CustomerNumber, null, null, null, null, Newsletter: false, LoyaltyMember: false,
            UnsubscribeToken: null, known?.ProfileChangedAt, erased.ErasedAt);
    }
}
