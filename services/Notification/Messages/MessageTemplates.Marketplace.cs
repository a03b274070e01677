using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Messages;

/// <summary>Where Notification writes to a marketplace seller: the contact its application gave, under its name [MP-09].</summary>
public sealed record SellerContact(string Id, string Name, string Email);

/// <summary>The marketplace's messages: to a seller's people and contact, and to a buyer about a seller [MP-01, MP-09, MP-11].</summary>
public static partial class MessageTemplates
{
    /// <summary>A seller's person opened an account for a colleague: the link chooses its first password [MP-01].</summary>
    private static OutgoingMessage SellerInvitation(PasswordResetRequested requested, string seller, Recipient to, Shop shop, string eventKey)
    {
        var body = new Body(shop, requested.FirstName)
            .Paragraph($"Un compte vendeur {shop.Name} vient d'être ouvert pour vous au nom de {seller}. Choisissez votre mot de passe : ce lien ne sert "
                       + $"qu'une fois et expire le {Day(requested.ExpiresAt)} à {Time(requested.ExpiresAt)} (ensuite, « mot de passe oublié » en envoie un autre).")
            .Link("Choisir mon mot de passe", $"{shop.Storefront}/mot-de-passe/nouveau?token={PasswordResetLinks.TokenPlaceholder}")
            .Paragraph("Si vous ne connaissez pas ce vendeur, ignorez ce message : sans mot de passe, le compte ne sert à personne.");
        return Email($"password-reset/{eventKey}", "seller-invitation", to, $"{shop.Name} : votre compte vendeur chez {seller}", body, null, null)
            with { ResetId = requested.ResetId };
    }

    /// <summary>The buyer wrote to the seller: the seller's contact is told, with a link to answer [MP-09].</summary>
    public static OutgoingMessage MessageToSeller(ConversationMessagePosted posted, SellerContact seller, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(seller);
        var to = new Recipient(Guid.Empty, seller.Email, null, null);
        var body = new Body(shop, null)
            .Paragraph($"Un acheteur vous a écrit au sujet {Subject(posted)}. Répondez-lui depuis votre espace vendeur {seller.Name} : "
                       + "la conversation n'est visible que de lui, de vous et de notre équipe.")
            .Link("Lire et répondre", $"{shop.Storefront}/vendeur/messages/{posted.ConversationId}");
        return Email($"conversation/{posted.MessageId:N}", "seller-message", to, $"{shop.Name} : nouveau message d'un acheteur", body, null, posted.OrderNumber);
    }

    /// <summary>The seller (or our team) answered the buyer: the buyer is told, with a link to read it [MP-09].</summary>
    public static OutgoingMessage MessageToBuyer(ConversationMessagePosted posted, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(to);
        var who = posted.From == "ops" ? $"L'équipe {shop.Name}" : "Le vendeur";
        var body = new Body(shop, to.FirstName)
            .Paragraph($"{who} vous a répondu au sujet {Subject(posted)}.")
            .Link("Lire la réponse", $"{shop.Storefront}/compte/messages/{posted.ConversationId}");
        return Email($"conversation/{posted.MessageId:N}", "buyer-message", to, $"{shop.Name} : réponse à votre message", body, null, posted.OrderNumber);
    }

    private static string Subject(ConversationMessagePosted posted) =>
        posted.OrderNumber is { } number ? $"de la commande n° {number}" : $"du produit « {posted.ProductName} »";

    /// <summary>A seller's items are late: the buyer is told, and where to turn [MP-08].</summary>
    public static OutgoingMessage LateToBuyer(SellerLinesLate late, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(late);
        ArgumentNullException.ThrowIfNull(to);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Le vendeur n'a pas encore expédié {Items(late)} de votre commande n° {late.OrderNumber}, qu'il s'était engagé à envoyer au plus tard "
                       + $"le {Day(late.Lines.Max(line => line.DueBy))}. Nous le lui rappelons.")
            .Paragraph("Vous pouvez lui écrire, ou nous signaler un problème, depuis votre commande.")
            .Link("Voir ma commande", $"{shop.Storefront}/compte/commandes/{late.OrderId}");
        return Email($"late/{late.OrderId:N}/{late.SellerId}/{string.Join('-', late.Lines.Select(line => line.LineId))}", "seller-late-buyer", to,
            $"{shop.Name} : retard d'expédition, commande n° {late.OrderNumber}", body, late.OrderId, late.OrderNumber);
    }

    /// <summary>The seller's lines are past the delay it promised: it is reminded to ship them and give the tracking number [MP-08].</summary>
    public static OutgoingMessage LateToSeller(SellerLinesLate late, SellerContact seller, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(late);
        ArgumentNullException.ThrowIfNull(seller);
        var to = new Recipient(Guid.Empty, seller.Email, null, null);
        var body = new Body(shop, null)
            .Paragraph($"{Items(late)} de la commande n° {late.OrderNumber} n'{(late.Lines.Count > 1 ? "ont" : "a")} pas été expédié{(late.Lines.Count > 1 ? "s" : "")} "
                       + "dans le délai affiché sur le produit. L'acheteur est prévenu ; expédiez au plus vite avec un numéro de suivi.")
            .Link("Mes commandes à expédier", $"{shop.Storefront}/vendeur/commandes/{late.OrderId}");
        return Email($"late/{late.OrderId:N}/{late.SellerId}/{string.Join('-', late.Lines.Select(line => line.LineId))}", "seller-late-seller", to,
            $"{shop.Name} : expédition en retard, commande n° {late.OrderNumber}", body, late.OrderId, late.OrderNumber);
    }

    private static string Items(SellerLinesLate late) =>
        string.Join(", ", late.Lines.Select(line => $"« {line.ProductName ?? line.LineId} »"));

    /// <summary>An order problem waits for the seller's answer: the seller's contact is told by when [MP-11].</summary>
    public static OutgoingMessage ReportToSeller(ReportChanged report, SellerContact seller, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(seller);
        var to = new Recipient(Guid.Empty, seller.Email, null, null);
        var by = report.AnswerBy is { } answerBy ? $" avant le {Day(answerBy)} à {Time(answerBy)}" : "";
        var body = new Body(shop, null)
            .Paragraph($"Un acheteur vous signale un problème avec la commande n° {report.OrderNumber}. Répondez-lui{by} : sans réponse, notre équipe "
                       + "prend le signalement en charge.")
            .Link("Lire et répondre", $"{shop.Storefront}/vendeur/signalements/{report.ReportId}");
        return Email($"report/{report.ReportId:N}/{report.Step}", "report-seller", to, $"{shop.Name} : problème signalé, commande n° {report.OrderNumber}", body,
            report.OrderId, report.OrderNumber);
    }

    /// <summary>The reporter's report moved on: the seller answered, the platform took it over, or it was closed [MP-11].</summary>
    public static OutgoingMessage? ReportToReporter(ReportChanged report, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(to);
        var (subject, said) = report.Status switch
        {
            "answered" => ("le vendeur vous a répondu", "Le vendeur a répondu à votre signalement."),
            "escalated" => ("notre équipe prend le relais", $"Le vendeur n'a pas répondu à temps : l'équipe {shop.Name} prend votre signalement en charge."),
            "closed" => ("signalement clos", "Votre signalement est clos : vous trouverez ce que nous avons fait dans son historique."),
            _ => (null, null),
        };
        if (subject is null)
        {
            return null;
        }

        var body = new Body(shop, to.FirstName).Paragraph(said!).Link("Voir mon signalement", $"{shop.Storefront}/compte/signalements/{report.ReportId}");
        return Email($"report/{report.ReportId:N}/{report.Step}", "report-reporter", to, $"{shop.Name} : {subject}", body, report.OrderId, report.OrderNumber);
    }
}
