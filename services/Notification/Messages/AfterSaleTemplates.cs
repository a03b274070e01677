using OrderPlatform.Contracts;

namespace OrderPlatform.Notification.Messages;

// What the customer hears after the sale: a returned parcel inspected, a claim decided [FR-33].
public static partial class MessageTemplates
{
    /// <summary>The warehouse inspected the return: what is refunded, and each refused line with its reason.</summary>
    public static OutgoingMessage ReturnInspected(ReturnInspected inspected, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(inspected);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Notre entrepôt a reçu et vérifié votre retour n° {inspected.ReturnNumber} (commande n° {orderNumber}).");
        body = inspected.RefundCents > 0
            ? body.Paragraph($"Nous vous remboursons {Euros(inspected.RefundCents)}"
                             + (inspected.RefundDueBy is { } due ? $", au plus tard le {Day(due)}." : "."))
            : body.Paragraph("Aucun article de ce retour ne peut être remboursé.");
        foreach (var refused in inspected.Refusals ?? [])
        {
            body = body.Paragraph($"Article refusé : {refused.ProductName ?? refused.LineId}. Motif : {refused.Reason}");
        }

        if (inspected.RejectedLines.Count > 0)
        {
            body = body.Paragraph("Les articles refusés vous seront renvoyés ; contactez notre service client pour toute question.");
        }

        var subject = inspected.RejectedLines.Count == 0
            ? $"{shop.Name} : votre retour {inspected.ReturnNumber} est accepté et remboursé"
            : $"{shop.Name} : votre retour {inspected.ReturnNumber} a été vérifié, des articles sont refusés";
        return Email($"return-inspected/{inspected.ReturnId}", "return-inspected", to, subject,
            body.Link("Voir mon retour", $"{shop.Storefront}/compte/retours/{inspected.ReturnId}"), inspected.OrderId, orderNumber);
    }

    /// <summary>Operations decided the customer's claim: refunded, replaced, or refused and why.</summary>
    public static OutgoingMessage ClaimSettled(ClaimSettled settled, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var decision = settled.Outcome switch
        {
            Contracts.ClaimSettled.Refund => $"Nous vous remboursons {Euros(settled.RefundCents)} sur votre moyen de paiement.",
            Contracts.ClaimSettled.Replacement => "Nous vous envoyons un article de remplacement, sans frais ; vous recevrez son suivi dès son expédition.",
            _ => "Nous ne pouvons pas y donner suite.",
        };
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre réclamation sur la commande n° {settled.OrderNumber} a été traitée. {decision}");
        if (settled.Note is { Length: > 0 } note)
        {
            body = body.Paragraph(settled.Outcome == Contracts.ClaimSettled.Refused ? $"Motif : {note}" : note);
        }

        var subject = settled.Outcome == Contracts.ClaimSettled.Refused
            ? $"{shop.Name} : votre réclamation sur la commande {settled.OrderNumber} est refusée"
            : $"{shop.Name} : votre réclamation sur la commande {settled.OrderNumber} est réglée";
        return Email($"claim-settled/{settled.ClaimId}", "claim-settled", to, subject,
            body.Link("Voir ma réclamation", $"{shop.Storefront}/compte/reclamations/{settled.ClaimId}"), settled.OrderId, settled.OrderNumber);
    }
}
