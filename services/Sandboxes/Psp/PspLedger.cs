using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OrderPlatform.Sandboxes.Psp;

/// <summary>
/// A payment method the PSP's form tokenised: only the token leaves the PSP, with the brand and last four digits. Like a real
/// PSP's: saved for a <see cref="Customer"/>, only that customer's payments may use it; otherwise it pays once (<see cref="UsedBy"/>).
/// </summary>
public sealed record PspToken(string Token, string Method, string? Brand, string? Last4, TestCard? Card, string? Customer = null, string? UsedBy = null);

/// <summary>One payment as the PSP's own ledger holds it.</summary>
public sealed record PspPayment(
    string Id, string Reference, string Token, string Method, string? Brand, string? Last4, string Status, string? DeclineCode,
    long AuthorizedCents, long CapturedCents, long RefundedCents, DateTimeOffset CreatedAt, DateTimeOffset? AuthorizationExpiresAt,
    IReadOnlyList<PspMovement> Movements, string? Country = null)
{
    public const string Authorized = "authorized";
    public const string Declined = "declined";
    public const string PartiallyCaptured = "partially-captured";
    public const string Captured = "captured";
    public const string Voided = "voided";
    public const string Refunded = "refunded";
}

public sealed record PspMovement(string Kind, long AmountCents, DateTimeOffset At);

/// <summary>
/// Faults a test asks for: the next <c>Count</c> calls time out, fail with 500, answer slowly, or are
/// refused by the issuer ("refuse": the next re-authorisations, which the bank will not honour).
/// </summary>
public sealed record PspFault(string Kind, int Count, int DelayMilliseconds = 0)
{
    public static readonly IReadOnlyList<string> Kinds = ["timeout", "error", "slow", "refuse"];
}

/// <summary>The sandbox PSP's memory: tokens, payments, the answers given per idempotency key, scripted faults.</summary>
public sealed class PspLedger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PspToken> tokens = new();
    private readonly ConcurrentDictionary<string, PspPayment> payments = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, object Answer)> answered = new();
    private readonly Lock gate = new();
    private PspFault? fault;

    public TimeProvider Time => time;

    /// <summary>Moves the PSP's clock for expiry (authorisations lapse); tests set it ahead instead of waiting a week.</summary>
    public TimeSpan ClockOffset { get; set; }

    public DateTimeOffset Now => time.GetUtcNow() + ClockOffset;

    public PspToken Tokenise(string method, TestCard? card, string? last4, string? customer = null)
    {
        var token = new PspToken("tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), method, card?.Brand, last4, card,
            customer);
        tokens[token.Token] = token;
        return token;
    }

    /// <summary>
    /// Why <paramref name="customer"/>'s payment <paramref name="reference"/> may not use the token, or null when it may (and a
    /// single-use token is then spent). Called under the idempotency gate, so a retried authorisation is answered before this.
    /// </summary>
    public string? Use(PspToken token, string? customer, string reference)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Customer is not null)
        {
            return token.Customer == customer ? null : "token_customer_mismatch";
        }

        var spent = tokens.AddOrUpdate(token.Token, token with { UsedBy = reference }, (_, current) => current with { UsedBy = current.UsedBy ?? reference });
        return spent.UsedBy == reference ? null : "token_already_used";
    }

    public PspToken? Token(string token) => tokens.GetValueOrDefault(token);

    public PspPayment? Payment(string id) => payments.GetValueOrDefault(id);

    public IReadOnlyList<PspPayment> Payments(string? reference) =>
        payments.Values.Where(payment => reference is null || payment.Reference == reference).OrderBy(payment => payment.CreatedAt).ToList();

    public void Save(PspPayment payment) => payments[payment.Id] = payment;

    /// <summary>Runs <paramref name="act"/> once per idempotency key: a retry with the same key and body gets the first answer.</summary>
    public (object Answer, bool Conflict) Once(string? key, string fingerprint, Func<object> act)
    {
        lock (gate)
        {
            if (key is not null && answered.TryGetValue(key, out var previous))
            {
                return previous.Fingerprint == fingerprint ? (previous.Answer, false) : (previous.Answer, true);
            }

            var answer = act();
            if (key is not null)
            {
                answered[key] = (fingerprint, answer);
            }

            return (answer, false);
        }
    }

    public void Script(PspFault? next)
    {
        lock (gate)
        {
            fault = next;
        }
    }

    /// <summary>The fault this call suffers, if one is scripted; each call it hits uses one up. Refusals hit re-authorisations only.</summary>
    public PspFault? TakeFault(string path)
    {
        lock (gate)
        {
            if (fault is not { Count: > 0 } current || (current.Kind == "refuse" && !path.EndsWith("/reauthorize", StringComparison.Ordinal)))
            {
                return null;
            }

            fault = current.Count == 1 ? null : current with { Count = current.Count - 1 };
            return current;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            fault = null;
            ClockOffset = TimeSpan.Zero;
        }
    }
}
