using System.Globalization;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Shops.Documents;

namespace OrderPlatform.Ordering.Features.Invoices;

/// <summary>Who issues the invoices: the legal mentions French law asks for (configuration <c>Invoicing:Seller</c>).</summary>
public sealed record Seller(string Name, string LegalForm, string Capital, string Address, string Siret, string Rcs, string VatNumber, string Contact);

/// <summary>
/// Renders an invoice or a credit note as a one-page A4 PDF in French: seller's legal mentions, number
/// and date, order, customer, lines, shipping, discount, totals with the 20 % VAT broken out.
/// </summary>
public static class InvoicePdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(IReadOnlyList<Invoice> invoices, Seller seller, DocumentFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(fonts);
        using var document = new PrintedDocument(fonts);
        foreach (var invoice in invoices)
        {
            Write(document.AddPage(), invoice, seller);
        }

        return document.Build();
    }

    private static void Write(PrintedPage page, Invoice invoice, Seller seller)
    {
        var title = invoice.Kind == Invoice.CreditNoteKind ? "AVOIR" : "FACTURE";
        page.Line($"{title} N° {invoice.Number}", 16, bold: true);
        page.Line($"Date : {invoice.IssuedAt.ToString("dd/MM/yyyy", French)}    Commande : {invoice.OrderNumber}");
        if (invoice.RefersTo is { } refersTo)
        {
            page.Line($"Avoir sur la facture {refersTo}");
        }

        page.Gap();
        page.Line(seller.Name, bold: true);
        page.Line($"{seller.LegalForm} au capital de {seller.Capital}");
        page.Line(seller.Address);
        page.Line($"SIRET {seller.Siret}    {seller.Rcs}    TVA intracommunautaire {seller.VatNumber}");
        page.Line(seller.Contact);
        page.Gap();
        page.Line("Facturé à", bold: true);
        var billing = invoice.BillingAddress;
        foreach (var line in new[]
                 {
                     string.Join(' ', new[] { billing?.FirstName, billing?.LastName }.Where(part => !string.IsNullOrWhiteSpace(part))),
                     billing?.Line1, billing?.Line2, $"{billing?.PostalCode} {billing?.City}".Trim(), billing?.Country,
                 }.Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            page.Line(line!);
        }

        page.Gap();
        page.Columns(bold: true, "Article", "Qté", "PU TTC", "Remise", "Montant TTC");
        foreach (var line in invoice.Lines)
        {
            page.Columns(bold: false, Truncate(line.Description, 48), line.Quantity.ToString(French), Euros(line.UnitPriceCents), Euros(line.DiscountCents),
                Euros(line.AmountCents));
        }

        if (invoice.ShippingCents > 0)
        {
            page.Columns(bold: false, "Livraison", "1", Euros(invoice.ShippingCents), Euros(0), Euros(invoice.ShippingCents));
        }

        page.Gap();
        page.Columns(bold: false, "", "", "", "Total HT", Euros(invoice.TotalExcludingVatCents));
        page.Columns(bold: false, "", "", "", $"TVA {Invoice.VatPercent} %", Euros(invoice.VatCents));
        page.Columns(bold: true, "", "", "", "Total TTC", Euros(invoice.TotalCents));
        page.Gap();
        page.Line(invoice.Kind == Invoice.CreditNoteKind
            ? "Montant remboursé sur le moyen de paiement d'origine ou en avoir client."
            : "Facture acquittée : payée à la commande ou à l'expédition. Pas d'escompte pour paiement anticipé.");
    }

    public static string Euros(long cents) => PrintedDocument.Euros(cents);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
