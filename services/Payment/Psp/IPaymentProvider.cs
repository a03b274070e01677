namespace OrderPlatform.Payment.Psp;

/// <summary>What the PSP answered about a payment; for a card, <paramref name="Country"/> is where its bank issued it.</summary>
public sealed record PspResult(string PaymentId, string Status, string? DeclineCode, long AuthorizedCents, long CapturedCents, long RefundedCents,
    DateTimeOffset? AuthorizationExpiresAt, string? Brand, string? Last4, string? Country = null);

/// <summary>The PSP refused an operation (expired authorisation, amount too large…), with its code.</summary>
public sealed class PspRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The PSP did not answer in time or failed: the operation may be retried with the same key.</summary>
public sealed class PspUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The payment provider, as Payment needs it. Every call carries an idempotency key: a retry with the same
/// key never charges twice.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>
    /// Authorises <paramref name="amountCents"/> on the token, for <paramref name="customer"/>'s payment: the PSP refuses a token saved
    /// by another customer, or a one-time token already used (<see cref="PspRefusedException"/>).
    /// </summary>
    Task<PspResult> AuthoriseAsync(string token, long amountCents, string reference, string customer, string idempotencyKey, CancellationToken cancellationToken);

    Task<PspResult> CaptureAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken);

    Task<PspResult> VoidAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken);

    Task<PspResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken);

    Task<PspResult> ReauthoriseAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The PSP's own ledger: every payment it holds, with the reference we gave it, to reconcile against [JI-04].</summary>
    Task<IReadOnlyList<PspLedgerEntry>> LedgerAsync(CancellationToken cancellationToken);
}

/// <summary>One payment as the PSP's ledger lists it.</summary>
public sealed record PspLedgerEntry(string Id, string Reference, string Status, long AuthorizedCents, long CapturedCents, long RefundedCents,
    DateTimeOffset CreatedAt);
