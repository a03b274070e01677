namespace OrderPlatform.Payment.Prepaid;

/// <summary>
/// Money a customer holds with the shop: store credit (per customer, FR-13, FR-25) or a gift card (per
/// code, MP-07). Paying holds part of the balance like a PSP authorisation; capturing spends it; what is
/// released or refunded comes back. The balance is what can be spent now.
/// </summary>
public sealed record PrepaidAccount(string Id, string Kind, Guid? CustomerId, long BalanceCents, DateTimeOffset? ExpiresAt,
    IReadOnlyList<PrepaidMovement> Movements, DateTimeOffset CreatedAt)
{
    public const string StoreCredit = "store-credit";
    public const string GiftCard = "gift-card";

    public static string StoreCreditOf(Guid customerId) => $"credit:{customerId:N}";

    public static string GiftCardOf(string code) => $"gift:{NormalizeCode(code)}";

    public static string NormalizeCode(string code) => (code ?? "").Trim().ToUpperInvariant();

    public PrepaidAccount With(string kind, long amountCents, string? orderReference, string reason, DateTimeOffset now) => this with
    {
        BalanceCents = BalanceCents + amountCents,
        Movements = [.. Movements, new PrepaidMovement(kind, amountCents, orderReference, reason, now)],
    };
}

/// <summary>One change to a balance: credit, hold, release, refund (positive or negative cents).</summary>
public sealed record PrepaidMovement(string Kind, long AmountCents, string? OrderReference, string Reason, DateTimeOffset At);

/// <summary>One payment from a prepaid account, shaped like the PSP's so settlement treats both alike.</summary>
public sealed record PrepaidPayment(string Id, string AccountId, string Reference, string Status, long AuthorizedCents, long CapturedCents,
    long RefundedCents, DateTimeOffset CreatedAt, string? DeclineCode = null)
{
    public const string Prefix = "prepaid_";
}

/// <summary>The answer given to one idempotency key, so a retried call changes nothing.</summary>
public sealed record PrepaidOperation(string Id, string PaymentId);
