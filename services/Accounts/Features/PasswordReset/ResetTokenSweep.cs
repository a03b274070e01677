using Marten;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;

namespace OrderPlatform.Accounts.Features.PasswordReset;

/// <summary>
/// A reset's id (from which the key derives its token) lives on in the <see cref="PasswordResetRequested"/> event the outbox
/// published. Once the token can no longer be used (spent, expired, or the password was changed) the event is masked, and the
/// hash kept to check the token is deleted.
/// </summary>
public sealed class ResetTokenSweep(IDocumentStore store, TimeProvider time, ILogger<ResetTokenSweep> logger) : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string What => "expired password-reset tokens masked";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => SweepAsync(store, now, cancellationToken);

    /// <summary>Masks the reset tokens in this customer's events; only those expired by <paramref name="expiredBy"/> when given.</summary>
    public static Task MaskTokensAsync(IDocumentStore store, Guid customerId, DateTimeOffset? expiredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Advanced.ApplyEventDataMasking(masking => masking.IncludeStream(customerId,
            @event => @event.Data is PasswordResetRequested requested && (expiredBy is null || requested.ExpiresAt <= expiredBy)), cancellationToken);
    }

    /// <summary>Masks and forgets every token expired by <paramref name="now"/>; how many there were.</summary>
    public static async Task<int> SweepAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = store.LightweightSession();
        var expired = await session.Query<PasswordResetToken>().Where(token => token.ExpiresAt <= now).ToListAsync(cancellationToken);
        foreach (var customerId in expired.Select(token => token.CustomerId).Distinct())
        {
            await MaskTokensAsync(store, customerId, now, cancellationToken);
        }

        session.DeleteWhere<PasswordResetToken>(token => token.ExpiresAt <= now);
        await session.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}
