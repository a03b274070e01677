using System.Globalization;
using System.Text;
using OrderPlatform.Contracts;

namespace OrderPlatform.Payment.Domain;

/// <summary>
/// One line of what the platform owes a marketplace seller: a sale (what a shipped line brought in, and the commission the platform
/// keeps), a refund given back to the buyer for the seller's items (and the commission returned with it), or a payout made to the seller.
/// Amounts in euro cents, signed as the seller sees them: a sale adds, a refund or a payout takes away; the commission is what the platform
/// keeps (negative when returned).
/// </summary>
public sealed record SellerLedgerEntry(string Id, string SellerId, string Kind, Guid? OrderId, string? OrderNumber, string? LineId, long AmountCents,
    long CommissionCents, int CommissionBasisPoints, DateTimeOffset At, string Reference)
{
    public const string Sale = "sale";
    public const string Refund = "refund";
    public const string Payout = "payout";

    /// <summary>What this line adds to (or takes from) what the seller is owed.</summary>
    public long NetCents => AmountCents - CommissionCents;
}

/// <summary>A certified marketplace seller, as Payment learns of it: operations set commissions and record payouts for these only.</summary>
public sealed record CertifiedSeller(string Id, string Name);

/// <summary>A seller's commission, set by operations in basis points (1 500 = 15 %).</summary>
public sealed record SellerTerms(string Id, int CommissionBasisPoints, DateTimeOffset ChangedAt);

/// <summary>A seller's account with the platform over a period (or to date): sales, commission, refunds, payouts and what is still owed.</summary>
public sealed record SellerBalance(string SellerId, long SalesCents, long CommissionCents, long RefundsCents, long CommissionReturnedCents, long PayoutsCents,
    long BalanceCents);

public static class SellerLedger
{
    public const int MaxBasisPoints = 5000;

    /// <summary>
    /// What a shipment brought each seller [MP-06]: per line of a seller, the shipped units' share of what the buyer paid for the line, and the
    /// commission at the seller's rate now. A replacement brings nothing (it was paid once already).
    /// </summary>
    public static IReadOnlyList<SellerLedgerEntry> Sales(Payment payment, OrderShipped shipped, Func<string, int> basisPointsOf)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(shipped);
        ArgumentNullException.ThrowIfNull(basisPointsOf);
        if (shipped.Replacement)
        {
            return [];
        }

        return shipped.Lines
            .Select(sent => (Sent: sent, Line: payment.Lines.FirstOrDefault(line => line.LineId == sent.LineId)))
            .Where(pair => pair.Line is { SoldByMarketplaceSeller: true })
            .Select(pair =>
            {
                var amount = pair.Line!.AmountForCents(pair.Sent.Quantity);
                var rate = basisPointsOf(pair.Line.SellerId!);
                return new SellerLedgerEntry($"sale/{shipped.ShipmentId:N}/{pair.Sent.LineId}", pair.Line.SellerId!, SellerLedgerEntry.Sale, payment.Id,
                    payment.OrderNumber, pair.Sent.LineId, amount, Commission(amount, rate), rate, shipped.ShippedAt, $"shipment {shipped.ShipmentId:N}");
            })
            .ToList();
    }

    /// <summary>
    /// What a refund takes back from each seller [MP-10]: the refunded amount (return shipping included) shared over the lines it is for, by
    /// their value (over every shipped line when it names none), and the commission on it returned at the rate the sale was charged.
    /// </summary>
    public static IReadOnlyList<SellerLedgerEntry> Refunds(Payment payment, RefundRequested refund, IReadOnlyList<SellerLedgerEntry> sales,
        Func<string, int> basisPointsOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(basisPointsOf);
        var refunded = (refund.ForLines is { Count: > 0 } forLines
                ? forLines.Select(line => (line.LineId, line.Quantity))
                : payment.Lines.Select(line => (line.LineId, Quantity: payment.ShippedQuantity(line.LineId))))
            .Select(part => (part.LineId, Line: payment.Lines.FirstOrDefault(line => line.LineId == part.LineId), part.Quantity))
            .Where(part => part.Line is not null && part.Quantity > 0)
            .Select(part => (part.LineId, SellerId: part.Line!.SoldByMarketplaceSeller ? part.Line.SellerId : null, Weight: part.Line.AmountForCents(part.Quantity)))
            .ToList();
        var total = refunded.Sum(part => part.Weight);
        if (total <= 0 || refund.AmountCents <= 0)
        {
            return [];
        }

        // Shares by value; what rounding leaves over goes to the first line, so the shares add up to the refund exactly.
        var shares = refunded.Select(part => refund.AmountCents * part.Weight / total).ToList();
        shares[0] += refund.AmountCents - shares.Sum();
        return refunded.Select((part, i) => (part, Share: shares[i]))
            .Where(pair => pair.part.SellerId is { Length: > 0 } && pair.Share > 0)
            .Select(pair =>
            {
                var rate = sales.FirstOrDefault(sale => sale.LineId == pair.part.LineId)?.CommissionBasisPoints ?? basisPointsOf(pair.part.SellerId!);
                return new SellerLedgerEntry($"refund/{payment.Id:N}/{refund.RefundId}/{pair.part.LineId}", pair.part.SellerId!, SellerLedgerEntry.Refund,
                    payment.Id, payment.OrderNumber, pair.part.LineId, -pair.Share, -Commission(pair.Share, rate), rate, now, refund.Reason);
            })
            .ToList();
    }

    /// <summary>A payout to the seller, refused when it is more than the seller is owed or not positive.</summary>
    public static (SellerLedgerEntry? Payout, string? Refusal) PayOut(string sellerId, Guid payoutId, long amountCents, string reference, long balanceCents,
        DateTimeOffset now) =>
        amountCents <= 0 ? (null, "A payout is a positive amount.")
        : amountCents > balanceCents ? (null, $"The seller is owed {balanceCents} cents, less than {amountCents}.")
        : (new SellerLedgerEntry($"payout/{payoutId:N}", sellerId, SellerLedgerEntry.Payout, null, null, null, -amountCents, 0, 0, now, reference), null);

    public static SellerBalance Balance(string sellerId, IEnumerable<SellerLedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        long Sum(string kind, Func<SellerLedgerEntry, long> amount) => all.Where(entry => entry.Kind == kind).Sum(amount);
        return new SellerBalance(sellerId, Sum(SellerLedgerEntry.Sale, entry => entry.AmountCents), Sum(SellerLedgerEntry.Sale, entry => entry.CommissionCents),
            -Sum(SellerLedgerEntry.Refund, entry => entry.AmountCents), -Sum(SellerLedgerEntry.Refund, entry => entry.CommissionCents),
            -Sum(SellerLedgerEntry.Payout, entry => entry.AmountCents), all.Sum(entry => entry.NetCents));
    }

    /// <summary>The statement as CSV (semicolons and decimal commas, as French spreadsheets read it): one row per entry, then the totals.</summary>
    public static string Csv(SellerBalance totals, IEnumerable<SellerLedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder("date;type;commande;ligne;montant;commission;net;référence\n");
        foreach (var entry in entries.OrderBy(entry => entry.At))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{entry.At:yyyy-MM-dd};{entry.Kind};{entry.OrderNumber};{entry.LineId};{Euros(entry.AmountCents)};")
                .Append(CultureInfo.InvariantCulture, $"{Euros(entry.CommissionCents)};{Euros(entry.NetCents)};{Field(entry.Reference)}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"total;ventes {Euros(totals.SalesCents)};commission {Euros(totals.CommissionCents)};")
            .Append(CultureInfo.InvariantCulture, $"remboursements {Euros(totals.RefundsCents)};commission rendue {Euros(totals.CommissionReturnedCents)};")
            .Append(CultureInfo.InvariantCulture, $"virements {Euros(totals.PayoutsCents)};solde {Euros(totals.BalanceCents)};\n");
        return csv.ToString();
    }

    /// <summary>The commission on an amount, rounded to the nearest cent (halves away from zero).</summary>
    public static long Commission(long amountCents, int basisPoints) =>
        (long)Math.Round(amountCents * (decimal)basisPoints / 10_000m, MidpointRounding.AwayFromZero);

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>A text field as CSV: quoted, and never read as a formula by a spreadsheet.</summary>
    private static string Field(string text) =>
        "\"" + (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
