namespace OrderPlatform.Sandboxes.Psp;

/// <summary>Why the PSP refuses an operation on a payment, as its API says it.</summary>
public sealed record PspRefusal(string Code, string Message);

/// <summary>What each PSP operation does to a payment: pure, so the sandbox's rules are tested without HTTP.</summary>
public static class PspOperations
{
    public static PspPayment Authorise(string id, PspToken token, long amountCents, string reference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        var decline = token.Card?.DeclineCode;
        return new PspPayment(id, reference, token.Token, token.Method, token.Brand, token.Last4, decline is null ? PspPayment.Authorized : PspPayment.Declined,
            decline, decline is null ? amountCents : 0, 0, 0, now, decline is null ? now + PspCards.AuthorisationLifetime(token.Method) : null,
            [new PspMovement(decline is null ? "authorisation" : "decline", amountCents, now)], token.Card?.Country);
    }

    public static (PspPayment? Payment, PspRefusal? Refusal) Capture(PspPayment payment, long amountCents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status is not (PspPayment.Authorized or PspPayment.PartiallyCaptured))
        {
            return (null, new PspRefusal("payment_not_capturable", $"A {payment.Status} payment cannot be captured."));
        }

        if (payment.AuthorizationExpiresAt <= now)
        {
            return (null, new PspRefusal("authorization_expired", "The authorisation has expired: re-authorise first."));
        }

        if (amountCents <= 0 || amountCents > payment.AuthorizedCents - payment.CapturedCents)
        {
            return (null, new PspRefusal("amount_too_large", $"At most {payment.AuthorizedCents - payment.CapturedCents} cents remain to capture."));
        }

        var captured = payment.CapturedCents + amountCents;
        return (payment with
        {
            CapturedCents = captured,
            Status = captured == payment.AuthorizedCents ? PspPayment.Captured : PspPayment.PartiallyCaptured,
            Movements = [.. payment.Movements, new PspMovement("capture", amountCents, now)],
        }, null);
    }

    /// <summary>Releases what is authorised and not captured; what was captured stays captured.</summary>
    public static (PspPayment? Payment, PspRefusal? Refusal) Void(PspPayment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status is not (PspPayment.Authorized or PspPayment.PartiallyCaptured))
        {
            return (null, new PspRefusal("payment_not_voidable", $"A {payment.Status} payment has nothing left to void."));
        }

        var released = payment.AuthorizedCents - payment.CapturedCents;
        return (payment with
        {
            AuthorizedCents = payment.CapturedCents,
            Status = payment.CapturedCents > 0 ? PspPayment.Captured : PspPayment.Voided,
            Movements = [.. payment.Movements, new PspMovement("void", released, now)],
        }, null);
    }

    /// <summary>Refunds to the account that paid, even when the card has expired since [FR-19]; never more than captured [ALL-02].</summary>
    public static (PspPayment? Payment, PspRefusal? Refusal) Refund(PspPayment payment, long amountCents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (amountCents <= 0 || amountCents > payment.CapturedCents - payment.RefundedCents)
        {
            return (null, new PspRefusal("amount_too_large", $"At most {payment.CapturedCents - payment.RefundedCents} cents can be refunded."));
        }

        var refunded = payment.RefundedCents + amountCents;
        return (payment with
        {
            RefundedCents = refunded,
            Status = refunded == payment.CapturedCents && payment.Status == PspPayment.Captured ? PspPayment.Refunded : payment.Status,
            Movements = [.. payment.Movements, new PspMovement("refund", amountCents, now)],
        }, null);
    }

    /// <summary>A fresh authorisation of what is not captured yet, with the stored token, before or after the old one lapsed.</summary>
    public static (PspPayment? Payment, PspRefusal? Refusal) Reauthorise(PspPayment payment, PspToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(token);
        if (payment.Status is not (PspPayment.Authorized or PspPayment.PartiallyCaptured))
        {
            return (null, new PspRefusal("payment_not_reauthorizable", $"A {payment.Status} payment cannot be re-authorised."));
        }

        if (token.Card?.DeclineCode is { } decline)
        {
            return (null, new PspRefusal(decline, "The issuer refused the re-authorisation."));
        }

        if (token.Card?.ExpiresBeforeRefund == true && payment.CapturedCents > 0)
        {
            return (null, new PspRefusal("expired_card", "The card has expired: only refunds of its payments still reach it."));
        }

        return (payment with
        {
            AuthorizationExpiresAt = now + PspCards.AuthorisationLifetime(payment.Method),
            Movements = [.. payment.Movements, new PspMovement("reauthorisation", payment.AuthorizedCents - payment.CapturedCents, now)],
        }, null);
    }
}
