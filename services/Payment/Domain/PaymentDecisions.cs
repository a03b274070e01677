using OrderPlatform.Contracts;

namespace OrderPlatform.Payment.Domain;

/// <summary>When the shop takes the money: at shipment, exactly what shipped [FR-26]; or at order, all of it.</summary>
public enum CaptureTiming
{
    OnShipment,
    OnOrder,
}

/// <summary>What Payment decides, without I/O: how much to capture, whether anything is left to release.</summary>
/// <summary>What a refund gives back: its amount, and the units of the lines it names (null when it names none).</summary>
public sealed record RefundAllowance(long AmountCents, IReadOnlyList<ShippedLine>? Lines);

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

    /// <summary>
    /// After a shipment or a missing line: release what is left once nothing more will ship. An escalated payment is released only when
    /// nothing that shipped is left uncharged (the rest found missing ends the escalation); otherwise it waits for the customer to pay again.
    /// </summary>
    public static long ToRelease(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var settled = payment.Status == Payment.Authorized
                      || (payment.Status == Payment.Escalated && DueAfterEscalation(payment, CaptureTiming.OnShipment) == 0);
        return settled && payment.Complete ? payment.Uncaptured : 0;
    }

    /// <summary>
    /// What an escalation left uncharged once it is settled: charged at shipment, the value of what shipped (the fee with the first parcel)
    /// less what was captured; charged at order, the order's total less what was captured. Never more than is authorised.
    /// </summary>
    public static long DueAfterEscalation(Payment payment, CaptureTiming timing)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var due = timing == CaptureTiming.OnOrder
            ? Math.Min(payment.TotalCents, payment.ModifiedTotalCents ?? long.MaxValue)
            : payment.Lines.Sum(line => line.AmountForCents(Math.Min(payment.ShippedQuantity(line.LineId), line.Quantity)))
              + ((payment.Shipped ?? []).Count > 0 ? payment.ShippingFeeCents : 0);
        return Math.Clamp(due - payment.CapturedCents, 0, payment.Uncaptured);
    }

    /// <summary>
    /// Whether an escalated payment may be paid again by the customer with another card: only while nothing was charged on the card
    /// (the new authorisation then stands for the whole of what is to be charged, and refunds go to one card).
    /// </summary>
    public static string? WhyNotPayAgain(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.Status != Payment.Escalated ? "This payment needs nothing: it is not waiting for a new card."
            : payment.CapturedCents - payment.CreditCapturedCents > 0 ? "Part of the order was already charged on the card: operations settle the rest."
            : payment.Uncaptured - payment.CreditUncaptured <= 0 ? "Nothing is left to charge on a card."
            : null;
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
    /// What a refund may give back [ALL-02]: null while a unit it names has not shipped (its capture is yet to come). A refund naming lines
    /// gives back only units shipped and not refunded before (per line: a second claim or a return of a unit already refunded loses that
    /// unit's value, and gives nothing when no unit is left); every refund stays within what was captured and not yet refunded.
    /// </summary>
    public static RefundAllowance? Refundable(Payment payment, RefundRequested request)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(request);
        var left = Math.Max(0, payment.CapturedCents - payment.RefundedCents);
        if (request.ForLines is not { Count: > 0 } asked)
        {
            return new RefundAllowance(Math.Min(request.AmountCents, left), null);
        }

        var perLine = asked.GroupBy(line => line.LineId).Select(group => (LineId: group.Key, group.First().Sku, Asked: group.Sum(line => line.Quantity))).ToList();
        if (perLine.Any(line => payment.ShippedQuantity(line.LineId) < line.Asked))
        {
            return null;
        }

        var (allowed, withheld) = (new List<ShippedLine>(), 0L);
        foreach (var (lineId, sku, quantity) in perLine)
        {
            var before = payment.RefundedQuantity(lineId);
            var units = Math.Clamp(payment.ShippedQuantity(lineId) - before, 0, quantity);
            if (units > 0)
            {
                allowed.Add(new ShippedLine(lineId, sku, units));
            }

            if (payment.Lines.FirstOrDefault(line => line.LineId == lineId) is { } ordered)
            {
                // What the units asked for are worth, less what the units left are worth once those refunded before are counted: the
                // line's refunds add up to its amount to the cent, whatever the discount's rounding.
                withheld += Math.Max(0, ordered.AmountForCents(quantity) - (ordered.AmountForCents(before + units) - ordered.AmountForCents(before)));
            }
        }

        return new RefundAllowance(allowed.Count == 0 ? 0 : Math.Min(Math.Max(0, request.AmountCents - withheld), left), allowed);
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
