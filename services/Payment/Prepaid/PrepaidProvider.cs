using Marten;
using OrderPlatform.Payment.Psp;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Payment.Prepaid;

/// <summary>
/// Store credit and gift cards as a payment provider, in Payment's own database: each operation is one
/// transaction under a lock on the account, remembered by its idempotency key. Authorisations here never
/// lapse; a refund goes back to the balance it came from.
/// </summary>
public sealed class PrepaidProvider(IDocumentStore store, TimeProvider time)
{
    /// <summary>
    /// Holds <paramref name="amountCents"/> on an account for an order of <paramref name="customerId"/>: store credit pays only its own
    /// customer's orders (declined as if empty otherwise, so nothing tells whose account exists); a gift card pays whoever holds its code.
    /// </summary>
    public async Task<PspResult> AuthoriseAsync(string accountId, Guid customerId, long amountCents, string reference, string key,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["prepaid:" + accountId], cancellationToken);
        if (await session.LoadAsync<PrepaidOperation>(key, cancellationToken) is { } done)
        {
            return Result(await session.LoadAsync<PrepaidPayment>(done.PaymentId, cancellationToken), accountId);
        }

        var now = time.GetUtcNow();
        var account = await session.LoadAsync<PrepaidAccount>(accountId, cancellationToken);
        var decline = account is null || (account.Kind == PrepaidAccount.StoreCredit && account.CustomerId != customerId)
            ? (accountId.StartsWith("gift:", StringComparison.Ordinal) ? "gift-card-unknown" : "store-credit-insufficient")
            : account.ExpiresAt <= now ? "gift-card-expired"
            : account.BalanceCents < amountCents ? (account.Kind == PrepaidAccount.GiftCard ? "gift-card-insufficient" : "store-credit-insufficient")
            : null;
        var payment = new PrepaidPayment(PrepaidPayment.Prefix + Guid.CreateVersion7(now).ToString("N"), accountId, reference,
            decline is null ? "authorized" : "declined", decline is null ? amountCents : 0, 0, 0, now, decline);
        if (decline is null)
        {
            session.Store(account!.With("hold", -amountCents, reference, "payment", now));
        }

        session.Store(payment);
        session.Store(new PrepaidOperation(key, payment.Id));
        await session.SaveChangesAsync(cancellationToken);
        return Result(payment, accountId);
    }

    /// <summary>What the account can spend now (0 when there is none).</summary>
    public async Task<long> BalanceAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<PrepaidAccount>(accountId, cancellationToken))?.BalanceCents ?? 0;
    }

    public Task<PspResult> CaptureAsync(string paymentId, long amountCents, string key, CancellationToken cancellationToken) =>
        OperateAsync(paymentId, key, (payment, _) => amountCents <= 0 || amountCents > payment.AuthorizedCents - payment.CapturedCents
            ? throw new PspRefusedException("amount_too_large", "More than is held.")
            : (payment with { CapturedCents = payment.CapturedCents + amountCents, Status = "partially-captured" }, 0), cancellationToken);

    public Task<PspResult> VoidAsync(string paymentId, string key, CancellationToken cancellationToken) =>
        OperateAsync(paymentId, key, (payment, _) => payment.AuthorizedCents == payment.CapturedCents
            ? throw new PspRefusedException("payment_not_voidable", "Nothing is held any more.")
            : (payment with { AuthorizedCents = payment.CapturedCents, Status = payment.CapturedCents > 0 ? "captured" : "voided" },
                payment.AuthorizedCents - payment.CapturedCents), cancellationToken);

    public Task<PspResult> RefundAsync(string paymentId, long amountCents, string key, CancellationToken cancellationToken) =>
        OperateAsync(paymentId, key, (payment, _) => amountCents <= 0 || amountCents > payment.CapturedCents - payment.RefundedCents
            ? throw new PspRefusedException("amount_too_large", "More than was spent.")
            : (payment with { RefundedCents = payment.RefundedCents + amountCents }, amountCents), cancellationToken);

    /// <summary>Credits an account (a refund to store credit, a goodwill gesture, a gift card's value).</summary>
    public async Task<PrepaidAccount> CreditAsync(string accountId, string kind, Guid? customerId, long amountCents, DateTimeOffset? expiresAt, string reason,
        string key, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["prepaid:" + accountId], cancellationToken);
        var account = await session.LoadAsync<PrepaidAccount>(accountId, cancellationToken);
        if (await session.LoadAsync<PrepaidOperation>(key, cancellationToken) is not null)
        {
            return account!;
        }

        var now = time.GetUtcNow();
        var credited = (account ?? new PrepaidAccount(accountId, kind, customerId, 0, expiresAt, [], now)).With("credit", amountCents, null, reason, now);
        session.Store(credited);
        session.Store(new PrepaidOperation(key, accountId));
        await session.SaveChangesAsync(cancellationToken);
        return credited;
    }

    private async Task<PspResult> OperateAsync(string paymentId, string key, Func<PrepaidPayment, DateTimeOffset, (PrepaidPayment Payment, long Returned)> act,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var payment = await session.LoadAsync<PrepaidPayment>(paymentId, cancellationToken)
                      ?? throw new PspRefusedException("payment_unknown", $"No prepaid payment {paymentId}.");
        await AdvisoryLocks.LockAsync(session, ["prepaid:" + payment.AccountId], cancellationToken);
        if (await session.LoadAsync<PrepaidOperation>(key, cancellationToken) is not null)
        {
            return Result(await session.LoadAsync<PrepaidPayment>(paymentId, cancellationToken), payment.AccountId);
        }

        payment = (await session.LoadAsync<PrepaidPayment>(paymentId, cancellationToken))!;
        var now = time.GetUtcNow();
        var (changed, returned) = act(payment, now);
        if (returned > 0 && await session.LoadAsync<PrepaidAccount>(payment.AccountId, cancellationToken) is { } account)
        {
            session.Store(account.With(changed.RefundedCents > payment.RefundedCents ? "refund" : "release", returned, payment.Reference, "payment", now));
        }

        session.Store(changed);
        session.Store(new PrepaidOperation(key, paymentId));
        await session.SaveChangesAsync(cancellationToken);
        return Result(changed, payment.AccountId);
    }

    private static PspResult Result(PrepaidPayment? payment, string accountId) =>
        payment is null
            ? throw new InvalidOperationException($"An idempotency key of {accountId} names a payment that is gone.")
            : new PspResult(payment.Id, payment.Status, payment.DeclineCode, payment.AuthorizedCents, payment.CapturedCents, payment.RefundedCents, null,
                null, null);
}
