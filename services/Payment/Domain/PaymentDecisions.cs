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

    /// <summary>
    /// Charged at order, what lines found missing give back: each one's amount not shipped, and the shipping
    /// fee once nothing at all will ship; less what was given back for them already, never more than is
    /// captured and not refunded. Charged at shipment, missing lines were never charged: nothing [ALL-01].
    /// </summary>
    public static long RefundForMissing(Payment payment, CaptureTiming timing)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (timing != CaptureTiming.OnOrder || payment.CapturedCents == 0)
        {
            return 0;
        }

        var missing = payment.Lines
            .Where(line => (payment.Missing ?? []).Contains(line.LineId) && (payment.Deliverable?.Contains(line.LineId) ?? true))
            .Sum(line => line.AmountForCents(line.Quantity) - line.AmountForCents(Math.Min(payment.ShippedQuantity(line.LineId), line.Quantity)));
        var nothingShips = payment.Complete && (payment.Shipped ?? []).Sum(line => line.Quantity) == 0;
        var fee = nothingShips && payment.ShippingCaptured ? payment.ShippingFeeCents : 0;
        return Math.Clamp(missing + fee - payment.RefundedForMissingCents, 0, payment.CapturedCents - payment.RefundedCents);
    }

    /// <summary>
    /// How much of a requested refund goes back now: what was asked, never more than is captured and not refunded [ALL-02]; null while
    /// Payment has not recorded (so not captured) the shipment of the items it gives back: the request overtook the shipment's news.
    /// </summary>
    public static long? Refundable(Payment payment, RefundRequested request)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(request);
        return (request.ForLines ?? []).Any(line => payment.ShippedQuantity(line.LineId) < line.Quantity)
            ? null
            : Math.Min(request.AmountCents, payment.CapturedCents - payment.RefundedCents);
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
