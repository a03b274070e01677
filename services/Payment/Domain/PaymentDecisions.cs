using OrderPlatform.Contracts;

namespace OrderPlatform.Payment.Domain;

/// <summary>When the shop takes the money: at shipment, exactly what shipped [FR-26]; or at order, all of it.</summary>
public enum CaptureTiming
{
    OnShipment,
    OnOrder,
}

/// <summary>What Payment decides, without I/O: how much to capture, whether anything is left to release.</summary>
public static class PaymentDecisions
{
    /// <summary>
    /// What a shipment costs the customer: each shipped quantity at its line's price less its share of the
    /// discount, plus the shipping fee on the first capture; never more than is still authorised [FR-26, FR-07].
    /// </summary>
    public static long AmountForShipment(Payment payment, IReadOnlyList<ShippedLine> shipped)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(shipped);
        var items = shipped.Sum(sent =>
        {
            var line = payment.Lines.FirstOrDefault(candidate => candidate.LineId == sent.LineId);
            if (line is null)
            {
                return 0;
            }

            // Shipping the rest of a line charges the rest of its amount, so the rounding of shares never leaks.
            var before = line.AmountForCents(payment.ShippedQuantity(line.LineId) - sent.Quantity);
            return line.AmountForCents(payment.ShippedQuantity(line.LineId)) - before;
        });
        var fee = payment.ShippingCaptured ? 0 : payment.ShippingFeeCents;
        return Math.Min(items + fee, payment.Uncaptured);
    }

    /// <summary>After a shipment or a missing line: release what is left once nothing more will ship.</summary>
    public static long ToRelease(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.Status == Payment.Authorized && payment.Complete ? payment.Uncaptured : 0;
    }

    /// <summary>How a capture splits between the store credit (first) and the card [FR-25].</summary>
    public static (long Credit, long Card) SplitCapture(Payment payment, long amountCents)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var credit = Math.Min(amountCents, payment.CreditUncaptured);
        return (credit, amountCents - credit);
    }

    /// <summary>How a refund to the paying methods splits: the card first, then the store credit, each up to what it paid.</summary>
    public static (long Card, long Credit) SplitRefund(Payment payment, long amountCents)
    {
        ArgumentNullException.ThrowIfNull(payment);
        // What the card paid and has not had back; refunds made as store credit were the shop's choice, not the card's.
        var cardPaid = payment.CapturedCents - payment.CreditCapturedCents
                       - (payment.RefundedCents - payment.CreditRefundedCents - payment.RefundedAsCreditCents);
        var card = Math.Clamp(amountCents, 0, Math.Max(0, cardPaid));
        return (card, amountCents - card);
    }

    /// <summary>Whether the authorisation must be renewed before capturing at <paramref name="now"/>.</summary>
    public static bool NeedsRenewal(Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.AuthorizationExpiresAt is { } expires && expires <= now;
    }
}
