namespace OrderPlatform.Contracts;

/// <summary>
/// A customer signed up: what other services keep about them (to greet, to write to), and the token of
/// the unsubscribe link Notification puts in every newsletter.
/// </summary>
public sealed record CustomerRegistered(Guid CustomerId, string CustomerNumber, string Email, string? FirstName, string? LastName, bool Newsletter,
    string? UnsubscribeToken = null, string? Phone = null) : IIntegrationEvent;

/// <summary>
/// A customer changed their profile: the whole of what other services keep about them, as it now is, so
/// a consumer replaces its copy rather than merging. Loyalty membership makes return labels free [FR-14].
/// </summary>
public sealed record CustomerProfileChanged(Guid CustomerId, string Email, string? FirstName, string? LastName, string? Phone, bool Newsletter,
    bool LoyaltyMember, DateTimeOffset ChangedAt) : IIntegrationEvent;

/// <summary>
/// A customer had their account erased (GDPR): every service forgets what identifies them and keeps
/// only what accounting needs, under the customer id.
/// </summary>
public sealed record CustomerErased(Guid CustomerId, string CustomerNumber, DateTimeOffset ErasedAt) : IIntegrationEvent;

/// <summary>
/// Someone asked to reset the password of this account: Notification e-mails the link with the token, which it derives from
/// <paramref name="ResetId"/> with the key it shares with Accounts (the id alone resets nothing). Accounts keeps only the token's
/// hash, and masks the event once the token is spent or dead. <paramref name="InvitedBySeller"/> names the marketplace seller whose person
/// opened this account for a colleague: the link then chooses a first password [MP-01].
/// </summary>
public sealed record PasswordResetRequested(Guid CustomerId, string Email, string? FirstName, Guid ResetId, DateTimeOffset ExpiresAt,
    string? InvitedBySeller = null) : IIntegrationEvent;
