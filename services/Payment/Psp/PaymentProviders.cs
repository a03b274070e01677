using OrderPlatform.Shops;
using OrderPlatform.Payment.Prepaid;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Payment.Psp;

/// <summary>
/// Where each payment is taken: store credit and gift cards from Payment's own ledgers (their payments'
/// ids begin <c>prepaid_</c>), cards and wallets at the PSP. Settlement sees one provider.
/// </summary>
public sealed class PaymentProviders(HttpPsp psp, PrepaidProvider prepaid) : IPaymentProvider
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        HttpPsp.Register(services, configuration);
        services.AddSingleton<PrepaidProvider>();
        services.AddTransient<IPaymentProvider, PaymentProviders>();
    }

    private static bool IsPrepaid(string tokenOrPaymentId) =>
        tokenOrPaymentId.StartsWith("credit:", StringComparison.Ordinal) || tokenOrPaymentId.StartsWith("gift:", StringComparison.Ordinal)
        || tokenOrPaymentId.StartsWith(PrepaidPayment.Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Authorises a client's token at the PSP, always: a prepaid account is never named by a client (a token reading <c>credit:…</c>
    /// would otherwise spend another customer's store credit); Payment authorises those through <see cref="PrepaidProvider"/> itself.
    /// </summary>
    public Task<PspResult> AuthoriseAsync(string token, long amountCents, string reference, string customer, string idempotencyKey,
        CancellationToken cancellationToken) =>
        PaymentMethods.NamesShopLedger(token)
            ? throw new PspRefusedException("invalid_token", "A prepaid account is not a payment form's token.")
            : psp.AuthoriseAsync(token, amountCents, reference, customer, idempotencyKey, cancellationToken);

    public Task<PspResult> CaptureAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken) =>
        IsPrepaid(paymentId)
            ? prepaid.CaptureAsync(paymentId, amountCents, idempotencyKey, cancellationToken)
            : psp.CaptureAsync(paymentId, amountCents, idempotencyKey, cancellationToken);

    public Task<PspResult> VoidAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        IsPrepaid(paymentId) ? prepaid.VoidAsync(paymentId, idempotencyKey, cancellationToken) : psp.VoidAsync(paymentId, idempotencyKey, cancellationToken);

    public Task<PspResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken) =>
        IsPrepaid(paymentId)
            ? prepaid.RefundAsync(paymentId, amountCents, idempotencyKey, cancellationToken)
            : psp.RefundAsync(paymentId, amountCents, idempotencyKey, cancellationToken);

    /// <summary>A prepaid authorisation never lapses: there is nothing to renew.</summary>
    public Task<PspResult> ReauthoriseAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        IsPrepaid(paymentId)
            ? throw new PspRefusedException("payment_not_reauthorizable", "A prepaid hold does not lapse.")
            : psp.ReauthoriseAsync(paymentId, idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<PspLedgerEntry>> LedgerAsync(CancellationToken cancellationToken) => psp.LedgerAsync(cancellationToken);
}
