using OrderPlatform.Shops.Documents;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.Invoices;
using UglyToad.PdfPig;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>Invoices: exactly what shipped, VAT broken out, numbered, rendered as a PDF that reads back [FR-30, JI-10].</summary>
public sealed class InvoiceTests
{
    private static readonly Seller Seller = new("Maison Exemple", "SAS", "50 000 €", "10 rue du Faubourg, 75010 Paris", "123 456 789 00012",
        "RCS Paris 123 456 789", "FR12123456789", "service-client@exemple.fr");

    [Fact]
    public void The_first_invoice_holds_the_shipped_lines_and_the_shipping_fee_later_ones_only_their_lines_FR_26()
    {
        var order = Given(new StockReservedForLines(["1", "2"], Now));

        var first = Invoicing.ForShipment(order, Guid.NewGuid(), [new ShipmentLine("2", 1)], firstInvoice: true, "FA-2026-000001", Now);
        var second = Invoicing.ForShipment(order, Guid.NewGuid(), [new ShipmentLine("1", 1), new ShipmentLine("2", 1)], firstInvoice: false, "FA-2026-000002", Now);

        Assert.Equal(7990 + 390, first.TotalCents);
        Assert.Equal(5990 + 7990, second.TotalCents);
        Assert.Equal(order.Amounts.TotalCents, first.TotalCents + second.TotalCents);
    }

    [Theory]
    [InlineData(12000, 10000, 2000)]
    [InlineData(5990, 4992, 998)]
    [InlineData(1, 1, 0)]
    public void The_vat_at_20_percent_is_broken_out_and_adds_up_to_the_total(long total, long excludingVat, long vat)
    {
        var invoice = Invoicing.CreditNote(Given(), total, "FA-2026-000001", "AV-2026-000001", Now);

        Assert.Equal(excludingVat, invoice.TotalExcludingVatCents);
        Assert.Equal(vat, invoice.VatCents);
    }

    [Fact]
    public void Numbers_run_per_kind_and_year()
    {
        Assert.Equal("FA-2026-000042", Invoice.NumberFor(Invoice.InvoiceKind, 2026, 42));
        Assert.Equal("AV-2027-000001", Invoice.NumberFor(Invoice.CreditNoteKind, 2027, 1));
    }

    [Fact]
    public void The_pdf_reads_back_with_the_order_number_the_invoice_number_the_vat_and_the_totals_FR_30()
    {
        var order = Given(new StockReservedForLines(["1", "2"], Now));
        var invoice = Invoicing.ForShipment(order, Guid.NewGuid(), [new ShipmentLine("1", 1), new ShipmentLine("2", 2)], firstInvoice: true, "FA-2026-000007", Now);
        var creditNote = Invoicing.CreditNote(order, 5990, invoice.Number, "AV-2026-000003", Now);

        using var pdf = PdfDocument.Open(InvoicePdf.Render([invoice, creditNote], Seller, DocumentFonts.From(null)));

        Assert.Equal(2, pdf.NumberOfPages);
        var text = string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text));
        foreach (var expected in new[] { "FACTURE", "FA-2026-000007", order.OrderNumber, "SIRET", "TVA", "20", "Durand", "Robe", "d'été", "223,60", "186,33", "37,27" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var credit = string.Join(' ', pdf.GetPage(2).GetWords().Select(word => word.Text));
        Assert.Contains("AVOIR", credit, StringComparison.Ordinal);
        Assert.Contains("FA-2026-000007", credit, StringComparison.Ordinal);
        Assert.Contains("59,90", credit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_name_or_an_address_with_an_emoji_still_gets_its_invoice_what_the_font_cannot_draw_printed_as_a_question_mark_FR_30(bool dejaVu)
    {
        var camille = new Contracts.PostalAddress("Camille 🌸", "Durand", "12 rue de la Paix ❤", "bât. ☃ 𝄞", "75002", "Paris", "FR", "0612345678");
        var order = Given(new StockReservedForLines(["1", "2"], Now)) with { DeliveryAddress = camille, BillingAddress = camille };
        var invoice = Invoicing.ForShipment(order, Guid.NewGuid(), [new ShipmentLine("1", 1)], firstInvoice: true, "FA-2026-000011", Now);

        using var pdf = PdfDocument.Open(InvoicePdf.Render([invoice], Seller, dejaVu ? DocumentFonts.From(null) : new DocumentFonts(null, null)));

        var text = string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text));
        Assert.Contains("FA-2026-000011", text, StringComparison.Ordinal);
        Assert.Contains("Camille ?", text, StringComparison.Ordinal);
        Assert.Contains(dejaVu ? "Paix ❤" : "Paix ?", text, StringComparison.Ordinal); // DejaVu draws the heart, not the flower
    }

    [Fact]
    public void Dejavu_prints_every_french_character_and_only_what_it_cannot_draw_is_replaced()
    {
        var fonts = DocumentFonts.From(null);

        Assert.Equal("Œuvre à l'été, 59,90 € — « ça »", fonts.Printable("Œuvre à l'été, 59,90 € — « ça »"));
        Assert.Equal("Camille ? ?", fonts.Printable("Camille 🌸 𝄞"));
        Assert.Equal("a?b", fonts.Printable("a\u0000b"));
    }

    [Fact]
    public void Without_dejavu_the_invoice_prints_in_helvetica_without_accents()
    {
        var invoice = Invoicing.CreditNote(Given(), 5990, null, "AV-2026-000009", Now);

        using var pdf = PdfDocument.Open(InvoicePdf.Render([invoice], Seller, new DocumentFonts(null, null)));

        var text = string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text));
        Assert.Contains("AV-2026-000009", text, StringComparison.Ordinal);
        Assert.Contains("EUR", text, StringComparison.Ordinal);
    }
}
