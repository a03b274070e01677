using OrderPlatform.Payment.Domain;
using OrderPlatform.Shops.Documents;

namespace OrderPlatform.Payment.Features.Sellers;

/// <summary>A seller's statement for a period as an A4 PDF in French: the totals, then every line, forty to a page.</summary>
public static class SellerStatementPdf
{
    private const int RowsPerPage = 40;

    public static byte[] Render(SellerStatement statement, DocumentFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(fonts);
        using var document = new PrintedDocument(fonts);
        var page = document.AddPage();
        page.Line("RELEVÉ VENDEUR", 16, bold: true);
        page.Line($"Vendeur : {statement.SellerId}    Période : du {statement.From:dd/MM/yyyy} au {statement.To.AddDays(-1):dd/MM/yyyy}");
        page.Gap();
        var totals = statement.Totals;
        page.Line($"Ventes : {PrintedDocument.Euros(totals.SalesCents)}    Commission : {PrintedDocument.Euros(totals.CommissionCents)}");
        page.Line($"Remboursements : {PrintedDocument.Euros(totals.RefundsCents)}    Commission rendue : {PrintedDocument.Euros(totals.CommissionReturnedCents)}");
        page.Line($"Virements : {PrintedDocument.Euros(totals.PayoutsCents)}    Solde de la période : {PrintedDocument.Euros(totals.BalanceCents)}", bold: true);
        page.Gap();
        for (var i = 0; i < statement.Entries.Count; i++)
        {
            if (i > 0 && i % RowsPerPage == 0)
            {
                page = document.AddPage();
            }

            if (i % RowsPerPage == 0)
            {
                page.Columns(true, "Date, commande, ligne", "Type", "Montant", "Commission", "Net");
            }

            var entry = statement.Entries[i];
            page.Columns(false, $"{PrintedDocument.Date(entry.At)} {entry.OrderNumber} {entry.LineId}".Trim(), Kind(entry.Kind),
                PrintedDocument.Euros(entry.AmountCents), PrintedDocument.Euros(entry.CommissionCents), PrintedDocument.Euros(entry.NetCents));
        }

        return document.Build();
    }

    private static string Kind(string kind) => kind switch
    {
        SellerLedgerEntry.Sale => "vente",
        SellerLedgerEntry.Refund => "rembours.",
        _ => "virement",
    };
}
