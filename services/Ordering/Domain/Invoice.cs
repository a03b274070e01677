using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>
/// An invoice (facture) or a credit note (avoir): numbered in one gapless chronological series per kind
/// and year, never edited; a refund makes a credit note [FR-30, JI-10]. Amounts are euro cents, VAT
/// included, as the customer paid them; the VAT is broken out on the totals.
/// </summary>
public sealed record Invoice(
    string Id,
    string Kind,
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    DateTimeOffset IssuedAt,
    PostalAddress? BillingAddress,
    IReadOnlyList<InvoiceLine> Lines,
    long ShippingCents,
    long TotalCents,
    Guid? ShipmentId,
    string? RefersTo)
{
    public const string InvoiceKind = "invoice";
    public const string CreditNoteKind = "credit-note";
    public const int VatPercent = 20;

    public string Number => Id;

    /// <summary>What the total is without VAT, the VAT computed once on the total so the two always add up.</summary>
    public long TotalExcludingVatCents => ExcludingVat(TotalCents);

    public long VatCents => TotalCents - TotalExcludingVatCents;

    public static long ExcludingVat(long includingVatCents) =>
        (long)Math.Round(includingVatCents * 100m / (100 + VatPercent), MidpointRounding.AwayFromZero);

    /// <summary>"FA-2026-000001" for invoices, "AV-2026-000001" for credit notes.</summary>
    public static string NumberFor(string kind, int year, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(kind == CreditNoteKind ? "AV" : "FA")}-{year}-{sequence:D6}");

    /// <summary>The series an invoice's number is drawn from: one per kind and year.</summary>
    public static string SeriesFor(string kind, int year) => $"{kind}/{year}";
}

/// <summary>One invoiced line: what, how many, unit price and discount share (VAT included), line amount.</summary>
public sealed record InvoiceLine(string Sku, string Description, int Quantity, long UnitPriceCents, long DiscountCents, long AmountCents);

/// <summary>The last number given in one series; the next invoice takes the next, in the same transaction.</summary>
public sealed record InvoiceSeries(string Id, long Last);

public static class Invoicing
{
    /// <summary>
    /// The invoice for one shipment: exactly the shipped quantities at the order's prices, each with its share
    /// of the discount, and the shipping fee on the order's first invoice only [FR-26, FR-30].
    /// </summary>
    public static Invoice ForShipment(Order order, Guid shipmentId, IReadOnlyList<ShipmentLine> shipped, bool firstInvoice, string number,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipped);
        var lines = shipped.Where(sent => sent.Quantity > 0).Select(sent =>
        {
            var line = order.Line(sent.LineId) ?? throw new ArgumentException($"Order {order.OrderNumber} has no line {sent.LineId}.", nameof(shipped));
            var amount = line.AsOrdered().AmountForCents(sent.Quantity);
            return new InvoiceLine(line.Sku, line.ProductName ?? line.Sku, sent.Quantity, line.UnitPriceCents, line.UnitPriceCents * sent.Quantity - amount,
                amount);
        }).ToList();
        var shipping = firstInvoice ? order.Amounts.ShippingFeeCents : 0;
        return new Invoice(number, Invoice.InvoiceKind, order.Id, order.OrderNumber, order.CustomerId, now, order.BillingAddress ?? order.DeliveryAddress,
            lines, shipping, lines.Sum(line => line.AmountCents) + shipping, shipmentId, null);
    }

    /// <summary>A refund never edits an invoice: it is a credit note for the amount refunded, referring to the last invoice.</summary>
    public static Invoice CreditNote(Order order, long refundedCents, string? refersTo, string number, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new Invoice(number, Invoice.CreditNoteKind, order.Id, order.OrderNumber, order.CustomerId, now, order.BillingAddress ?? order.DeliveryAddress,
            [new InvoiceLine("REMBOURSEMENT", $"Remboursement, commande {order.OrderNumber}", 1, refundedCents, 0, refundedCents)], 0, refundedCents, null,
            refersTo);
    }
}
