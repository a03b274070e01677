using OrderPlatform.Returns.Domain;
using OrderPlatform.Shops.Documents;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>
/// The printable return authorisation [FR-12, FR-18]: return and order numbers, what comes back and why, how the money comes back,
/// where to drop the parcel; then the carrier's label pages.
/// </summary>
public static class AuthorisationPdf
{
    public static byte[] Render(CustomerReturn customerReturn, string shopName, byte[]? label, DocumentFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(customerReturn);
        using var document = new PrintedDocument(fonts);
        var page = document.AddPage();
        page.Line($"AUTORISATION DE RETOUR N° {customerReturn.ReturnNumber}", 16, bold: true);
        page.Line($"{shopName}    Commande {customerReturn.OrderNumber}    Demande du {PrintedDocument.Date(customerReturn.RequestedAt)}");
        if (customerReturn.Withdrawal)
        {
            page.Line("Exercice du droit de rétractation (articles L221-18 et suivants du Code de la consommation).");
        }

        page.Gap();
        page.Columns(bold: true, "Article", "Qté", "Motif", "", "Montant TTC");
        foreach (var line in customerReturn.Lines)
        {
            page.Columns(bold: false, line.ProductName ?? line.Sku, line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Reason, "",
                PrintedDocument.Euros(line.AmountCents));
        }

        page.Gap();
        page.Line(customerReturn.RefundMethod == "store-credit"
            ? "Remboursement : en avoir sur votre compte client."
            : "Remboursement : sur le moyen de paiement utilisé pour la commande.");
        page.Line(customerReturn.LabelCostCents == 0 || customerReturn.ReturnShippingRefunded
            ? "Frais de retour : offerts."
            : $"Frais de retour : {PrintedDocument.Euros(customerReturn.LabelCostCents)}, déduits du remboursement.");
        page.Line("Le remboursement est effectué sous 14 jours après réception de votre colis à l'entrepôt.");
        page.Gap();
        page.Line(customerReturn.Carrier == "mondial-relay"
            ? "Déposez votre colis dans le Point Relais de votre choix avec l'étiquette ci-jointe."
            : "Déposez votre colis en bureau de poste avec l'étiquette Colissimo ci-jointe.");
        page.Line("Glissez cette autorisation dans le colis, avec les articles neufs, non portés et étiquetés.");
        if (customerReturn.TrackingNumber is { } number)
        {
            page.Line($"N° de suivi du retour : {number}", bold: true);
        }

        return document.Build(label);
    }
}
