using System.Globalization;
using OrderPlatform.Ordering.Domain;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OrderPlatform.Ordering.Features.Invoices;

/// <summary>Who issues the invoices: the legal mentions French law asks for (configuration <c>Invoicing:Seller</c>).</summary>
public sealed record Seller(string Name, string LegalForm, string Capital, string Address, string Siret, string Rcs, string VatNumber, string Contact);

/// <summary>
/// The fonts invoices are printed in: DejaVu Sans (every French character, the euro sign) when it is
/// installed, else Helvetica, which every PDF reader has but which cannot print accents.
/// </summary>
public sealed record InvoiceFonts(byte[]? Regular, byte[]? Bold)
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    public static InvoiceFonts From(string? directory)
    {
        var regular = Path.Combine(directory ?? DefaultDirectory, "DejaVuSans.ttf");
        var bold = Path.Combine(directory ?? DefaultDirectory, "DejaVuSans-Bold.ttf");
        return File.Exists(regular) && File.Exists(bold) ? new InvoiceFonts(File.ReadAllBytes(regular), File.ReadAllBytes(bold)) : new InvoiceFonts(null, null);
    }

    public bool Unicode => Regular is not null;
}

/// <summary>
/// Renders an invoice or a credit note as a one-page A4 PDF in French: seller's legal mentions, number
/// and date, order, customer, lines, shipping, discount, totals with the 20 % VAT broken out.
/// </summary>
public static class InvoicePdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(IReadOnlyList<Invoice> invoices, Seller seller, InvoiceFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(fonts);
        using var builder = new PdfDocumentBuilder();
        var regular = fonts.Regular is { } ttf ? builder.AddTrueTypeFont(ttf) : builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = fonts.Bold is { } boldTtf ? builder.AddTrueTypeFont(boldTtf) : builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var invoice in invoices)
        {
            var page = new Writer(builder.AddPage(PageSize.A4), regular, bold, fonts.Unicode);
            Write(page, invoice, seller);
        }

        return builder.Build();
    }

    private static void Write(Writer page, Invoice invoice, Seller seller)
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

    /// <summary>"59,90 €", with ordinary spaces so the amount reads back as one word.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("N2", French).Replace('\u202F', ' ').Replace('\u00A0', ' ') + " €";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";

    /// <summary>Writes top to bottom on one page.</summary>
    private sealed class Writer(PdfPageBuilder page, PdfDocumentBuilder.AddedFont regularFont, PdfDocumentBuilder.AddedFont boldFont, bool unicode)
    {
        private static readonly double[] ColumnX = [50, 330, 370, 440, 510];
        private double y = 790;

        public void Line(string text, double size = 10, bool bold = false)
        {
            page.AddText(Printable(text, unicode), size, new PdfPoint(50, y), bold ? boldFont : regularFont);
            y -= size + 5;
        }

        public void Columns(bool bold, params string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i].Length > 0)
                {
                    page.AddText(Printable(cells[i], unicode), 9, new PdfPoint(ColumnX[i], y), bold ? boldFont : regularFont);
                }
            }

            y -= 14;
        }

        public void Gap() => y -= 10;
    }

    /// <summary>What the font can print: everything in DejaVu; in Helvetica, letters without their accents and "EUR" for the euro.</summary>
    private static string Printable(string text, bool unicode)
    {
        if (unicode)
        {
            return text;
        }

        var plain = new string(text.Replace("€", "EUR", StringComparison.Ordinal).Replace("°", ".", StringComparison.Ordinal)
            .Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return new string(plain.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
    }
}
