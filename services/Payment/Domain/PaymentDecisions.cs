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

    /// <summary>Whether the authorisation must be renewed before capturing at <paramref name="now"/>.</summary>
    public static bool NeedsRenewal(Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.AuthorizationExpiresAt is { } expires && expires <= now;
    }
}
