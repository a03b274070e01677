using System.Globalization;
using System.Net;
using System.Text;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Messages;

/// <summary>The shop as messages present it: its name and how to reach it, and where links point.</summary>
public sealed record Shop(string Name, string ContactEmail, string ContactPhone, string Storefront);

/// <summary>Who receives a message: what Accounts told us about them.</summary>
public sealed record Recipient(Guid CustomerId, string Email, string? FirstName, string? Phone);

/// <summary>
/// Every message the platform sends, in French, plain text and HTML, rendered from the event alone (pure). The key of each
/// names its event and recipient, so a redelivered event renders the same key and queues nothing new [ALL-04].
/// </summary>
public static partial class MessageTemplates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = DeliveryWindows.Paris;

    /// <summary>The order confirmation: products, price paid, addresses, delivery method, order number [FR-02, JI-02].</summary>
    public static OutgoingMessage OrderConfirmed(OrderConfirmed order, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Merci pour votre commande n° {order.OrderNumber}. Elle est validée : le paiement est autorisé et les articles vous sont réservés.")
            .Table(["Article", "Qté", "Montant"], order.Lines.Select(line => new[] { line.ProductName ?? line.Sku, Number(line.Quantity), Euros(line.AmountCents) }))
            .Paragraph($"Articles : {Euros(order.Amounts.ItemsCents)} · Livraison : {Euros(order.Amounts.ShippingFeeCents)}"
                       + (order.Amounts.DiscountCents > 0 ? $" · Remise : -{Euros(order.Amounts.DiscountCents)}" : ""))
            .Strong($"Total payé : {Euros(order.Amounts.TotalCents)} ({Method(order.PaymentMethod)})")
            .Paragraph($"Mode de livraison : {DeliveryMethod(order.Delivery)}")
            .Paragraph($"Adresse de livraison : {Address(order.DeliveryAddress)}")
            .Paragraph($"Adresse de facturation : {Address(order.BillingAddress)}");
        if (order.AwaitingRestock)
        {
            body.Paragraph("Certains articles sont en cours de réapprovisionnement : nous vous prévenons dès leur expédition.");
        }

        body.Link("Suivre ma commande", $"{shop.Storefront}/compte/commandes/{order.OrderId}");
        return Email($"order-confirmed/{order.OrderId}", "order-confirmed", to, $"{shop.Name} : confirmation de votre commande {order.OrderNumber}", body,
            order.OrderId, order.OrderNumber);
    }

    /// <summary>The parcel left: the carrier's tracking link [FR-03, JI-11], and the invoice where the shop sends it then [JI-10].</summary>
    public static OutgoingMessage OrderShipped(OrderShipped shipped, string orderNumber, Recipient to, Shop shop, MessageAttachment? invoice)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Bonne nouvelle : votre commande n° {orderNumber} est expédiée avec {Carrier(shipped.Carrier)}.")
            .Table(["Article", "Qté"], shipped.Lines.Select(line => new[] { line.Sku, Number(line.Quantity) }));
        if (shipped.TrackingUrl is { } url)
        {
            body.Paragraph($"Numéro de suivi : {shipped.TrackingNumber}").Link("Suivre mon colis", url);
        }

        if (invoice is not null)
        {
            body.Paragraph("Votre facture est jointe à ce message ; elle est aussi dans votre compte.");
        }

        return Email($"order-shipped/{shipped.ShipmentId}", "order-shipped", to, $"{shop.Name} : votre commande {orderNumber} est expédiée", body,
            shipped.OrderId, orderNumber, invoice is null ? [] : [invoice]);
    }

    /// <summary>The parcel waits at a relay point or post office, until when [FR-10, FR-11].</summary>
    public static OutgoingMessage ParcelAvailable(ParcelAvailableForPickup available, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(available);
        var place = available.Carrier == "mondial-relay" ? "votre Point Relais" : "votre point de retrait ou bureau de poste";
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre colis (commande n° {orderNumber}) est disponible dans {place}"
                       + (available.PickupPointId is { } point ? $" (n° {point})" : "") + ".")
            .Strong($"Vous avez jusqu'au {Day(available.HoldUntil)} pour le retirer, muni(e) d'une pièce d'identité.")
            .Paragraph("Passé ce délai, il repartira vers notre entrepôt.");
        return Email($"parcel-available/{available.ShipmentId}", "parcel-available", to, $"{shop.Name} : votre colis vous attend jusqu'au {Day(available.HoldUntil)}",
            body, available.OrderId, orderNumber);
    }

    /// <summary>The parcel came back to the warehouse [FR-10, FR-11]: why, and what the customer can do.</summary>
    public static OutgoingMessage ParcelReturned(ParcelReturnedToWarehouse returned, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(returned);
        var why = returned.Reason == Contracts.ParcelReturnedToWarehouse.Uncollected
            ? "Il n'a pas été retiré dans le délai de 15 jours."
            : "Le transporteur n'a pas pu vous le remettre.";
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre colis (commande n° {orderNumber}) est revenu à notre entrepôt. {why}")
            .Paragraph("Si vous souhaitez le recevoir, contactez notre service client : nous vous le renvoyons sans frais. "
                       + "Sans demande de votre part, les articles vous seront remboursés sur votre moyen de paiement.")
            .Link("Voir ma commande", $"{shop.Storefront}/compte/commandes/{returned.OrderId}");
        return Email($"parcel-returned/{returned.ShipmentId}", "parcel-returned", to, $"{shop.Name} : votre colis est revenu à notre entrepôt", body,
            returned.OrderId, orderNumber);
    }

    /// <summary>Stock ran out after validation: the order waits for a restock [JI-09].</summary>
    public static OutgoingMessage Backordered(StockBackordered backordered, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(backordered);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Un ou plusieurs articles de votre commande n° {orderNumber} sont en cours de réapprovisionnement : "
                       + string.Join(", ", backordered.Lines.Select(line => line.Sku)) + ".")
            .Paragraph("Votre commande est conservée ; nous l'expédions dès leur arrivée et vous prévenons à ce moment-là.");
        return Email($"backordered/{backordered.OrderId}", "order-backordered", to, $"{shop.Name} : votre commande {orderNumber} attend un réapprovisionnement",
            body, backordered.OrderId, orderNumber);
    }

    /// <summary>The return is accepted: the printable authorisation with its label [FR-12].</summary>
    public static OutgoingMessage ReturnAuthorised(ReturnAuthorised authorised, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(authorised);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre demande de retour n° {authorised.ReturnNumber} (commande n° {authorised.OrderNumber}) est acceptée.")
            .Paragraph("Imprimez l'autorisation de retour jointe, glissez-la dans le colis et collez l'étiquette dessus.")
            .Paragraph(authorised.LabelCostCents == 0 ? "Les frais de retour sont offerts." : $"Les frais de retour ({Euros(authorised.LabelCostCents)}) seront déduits du remboursement.")
            .Paragraph(authorised.RefundMethod == RefundRequested.StoreCredit
                ? "Le remboursement sera fait en avoir, sous 14 jours après réception du colis."
                : "Le remboursement sera fait sur votre moyen de paiement, sous 14 jours après réception du colis.")
            .Link("Télécharger à nouveau l'autorisation", $"{shop.Storefront}/compte/retours/{authorised.ReturnId}");
        return Email($"return-authorised/{authorised.ReturnId}", "return-authorised", to, $"{shop.Name} : votre retour {authorised.ReturnNumber} est accepté", body,
            authorised.OrderId, authorised.OrderNumber, [new MessageAttachment($"{authorised.ReturnNumber}.pdf", "application/pdf", authorised.AuthorisationPdf)]);
    }

    /// <summary>The order will not ship: why, and what happens to the money [ALL-07].</summary>
    public static OutgoingMessage OrderCancelled(OrderCancelled cancelled, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        var why = cancelled.Reason switch
        {
            Contracts.OrderCancelled.OutOfStock => "Les articles commandés ne sont plus en stock : nous ne pouvons pas vous les envoyer.",
            Contracts.OrderCancelled.FoundMissing => "Notre entrepôt n'a pu trouver aucun des articles commandés : nous ne pouvons pas vous les envoyer.",
            Contracts.OrderCancelled.ByOperations => "Nous n'avons pas pu obtenir le paiement de votre commande.",
            _ => "Votre demande d'annulation est prise en compte.",
        };
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre commande n° {orderNumber} est annulée. {why}")
            .Paragraph("Vous ne serez pas débité ; si la commande a déjà été payée, elle vous est intégralement remboursée sur votre moyen de paiement.")
            .Link("Voir ma commande", $"{shop.Storefront}/compte/commandes/{cancelled.OrderId}");
        return Email($"order-cancelled/{cancelled.OrderId}", "order-cancelled", to, $"{shop.Name} : votre commande {orderNumber} est annulée", body,
            cancelled.OrderId, orderNumber);
    }

    /// <summary>
    /// The bank would not renew the payment of an order waiting to ship: the customer pays again with another card through the link, or
    /// the order is not sent (nothing ships unpaid).
    /// </summary>
    public static OutgoingMessage PaymentEscalated(PaymentEscalated escalated, string orderNumber, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre banque n'a pas renouvelé l'autorisation de paiement de votre commande n° {orderNumber} : nous ne pouvons pas l'expédier en l'état.")
            .Paragraph("Pour qu'elle parte, réglez-la avec une autre carte ; sans nouvelles de votre part, notre service client vous contactera.")
            .Link("Régler ma commande", $"{shop.Storefront}/compte/commandes/{escalated.OrderId}/paiement");
        return Email($"payment-escalated/{escalated.OrderId}/{escalated.EscalatedAt:yyyyMMddHHmmss}", "payment-escalated", to,
            $"{shop.Name} : le paiement de votre commande {orderNumber} est à renouveler", body, escalated.OrderId, orderNumber);
    }

    /// <summary>Money went back: how much, and where.</summary>
    public static OutgoingMessage Refunded(PaymentRefunded refunded, string orderNumber, Recipient to, Shop shop, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(refunded);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Nous vous avons remboursé {Euros(refunded.AmountCents)} pour la commande n° {orderNumber}.")
            .Paragraph(refunded.Destination == RefundRequested.StoreCredit
                ? "Le montant est crédité en avoir sur votre compte, utilisable dès votre prochaine commande."
                : "Le montant est reversé sur le moyen de paiement de la commande ; il apparaît sous quelques jours selon votre banque.");
        return Email($"refund/{eventKey}", "refund-issued", to, $"{shop.Name} : remboursement de {Euros(refunded.AmountCents)}", body, refunded.OrderId, orderNumber);
    }

    /// <summary>The link to set a new password, single use, expiring [FR-31, JI-16, MP-05].</summary>
    public static OutgoingMessage PasswordReset(PasswordResetRequested requested, Shop shop, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var to = new Recipient(requested.CustomerId, requested.Email, requested.FirstName, null);
        if (requested.InvitedBySeller is { } seller)
        {
            return SellerInvitation(requested, seller, to, shop, eventKey);
        }

        var body = new Body(shop, requested.FirstName)
            .Paragraph("Vous avez demandé à réinitialiser votre mot de passe. Ce lien ne sert qu'une fois et expire le "
                       + $"{Day(requested.ExpiresAt)} à {Time(requested.ExpiresAt)}.")
            .Link("Choisir un nouveau mot de passe", $"{shop.Storefront}/mot-de-passe/nouveau?token={PasswordResetLinks.TokenPlaceholder}")
            .Paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.");
        return Email($"password-reset/{eventKey}", "password-reset", to, $"{shop.Name} : réinitialisation de votre mot de passe", body, null, null)
            with { ResetId = requested.ResetId };
    }

    /// <summary>The account exists: welcome [MP-03].</summary>
    public static OutgoingMessage Welcome(CustomerRegistered registered, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var to = new Recipient(registered.CustomerId, registered.Email, registered.FirstName, registered.Phone);
        var body = new Body(shop, registered.FirstName)
            .Paragraph($"Votre compte client {shop.Name} est créé (n° {registered.CustomerNumber}).")
            .Paragraph("Vous y retrouvez vos commandes, vos retours et vos adresses.")
            .Link("Mon compte", $"{shop.Storefront}/compte");
        return Email($"welcome/{registered.CustomerId}", "account-created", to, $"Bienvenue chez {shop.Name}", body, null, null);
    }

    /// <summary>The in-store reservation is held, by e-mail and, where we have the number, by SMS [FR-21].</summary>
    public static IReadOnlyList<OutgoingMessage> InStoreReservation(InStoreReservationConfirmed reservation, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(to);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre e-réservation est confirmée : {reservation.ProductName} ({reservation.Sku}) vous attend au magasin {reservation.StoreName}.")
            .Strong($"Elle est gardée jusqu'au {Day(reservation.HoldUntil)} à {Time(reservation.HoldUntil)}, sans obligation d'achat.");
        var messages = new List<OutgoingMessage>
        {
            Email($"reservation/{reservation.ReservationId}", "in-store-reservation", to, $"{shop.Name} : votre e-réservation au magasin {reservation.StoreName}",
                body, null, null),
        };
        if (PhoneNumbers.ToE164(to.Phone) is { } phone)
        {
            messages.Add(new OutgoingMessage($"reservation/{reservation.ReservationId}", "in-store-reservation", OutgoingMessage.Sms, phone,
                "", $"{shop.Name} : {reservation.ProductName} vous attend au magasin {reservation.StoreName} jusqu'au {Day(reservation.HoldUntil)} {Time(reservation.HoldUntil)}.",
                null, [], to.CustomerId, null, null));
        }

        return messages;
    }

    /// <summary>A newsletter, to those who asked for it only, always with its unsubscribe link [FR-32].</summary>
    public static OutgoingMessage Newsletter(string campaign, string subject, string text, Recipient to, string unsubscribeToken, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(to);
        var unsubscribe = $"{shop.Storefront}/api/newsletter/unsubscribe?token={Uri.EscapeDataString(unsubscribeToken)}";
        var body = new Body(shop, to.FirstName).Paragraph(text).Link("Se désabonner de la newsletter", unsubscribe);
        return Email($"newsletter/{campaign}", "newsletter", to, subject, body, null, null) with { Marketing = true };
    }

    private static OutgoingMessage Email(string eventKey, string template, Recipient to, string subject, Body body, Guid? orderId, string? orderNumber,
        IReadOnlyList<MessageAttachment>? attachments = null) =>
        new($"{eventKey}/email/{to.CustomerId:N}", template, OutgoingMessage.Email, to.Email, subject, body.Text(), body.Html(), attachments ?? [], to.CustomerId,
            orderId, orderNumber);

    public static string Euros(long cents) => Shops.Documents.PrintedDocument.Euros(cents);

    private static string Number(int value) => value.ToString(French);

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("dddd d MMMM yyyy", French);

    private static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("HH'h'mm", French);

    private static string Carrier(string? carrier) => carrier switch
    {
        "mondial-relay" => "Mondial Relay",
        "la-poste" => "La Poste (Colissimo)",
        _ => "notre transporteur",
    };

    private static string DeliveryMethod(OrderDelivery delivery) => delivery.Mode switch
    {
        "relay-point" => $"{Carrier(delivery.Carrier)}, en Point Relais n° {delivery.PickupPointId}",
        "pickup-point" => $"{Carrier(delivery.Carrier)}, en point de retrait n° {delivery.PickupPointId}",
        _ => $"{Carrier(delivery.Carrier)}, à domicile",
    };

    private static string Method(string method) => method switch
    {
        "card" => "carte bancaire",
        "paypal" => "PayPal",
        "store-credit" => "avoir",
        "gift-card" => "carte cadeau",
        _ => method,
    };

    private static string Address(PostalAddress address) => string.Join(", ", new[]
    {
        string.Join(' ', new[] { address.FirstName, address.LastName }.Where(part => !string.IsNullOrWhiteSpace(part))),
        address.Line1, address.Line2, $"{address.PostalCode} {address.City}", address.Country,
    }.Where(part => !string.IsNullOrWhiteSpace(part)));

    /// <summary>A message's body, built once and written twice: plain text and HTML (every value escaped).</summary>
    private sealed class Body
    {
        private readonly StringBuilder text = new();
        private readonly StringBuilder html = new();
        private readonly Shop shop;

        public Body(Shop shop, string? firstName)
        {
            this.shop = shop;
            Paragraph(firstName is { Length: > 0 } name ? $"Bonjour {name}," : "Bonjour,");
        }

        public Body Paragraph(string value)
        {
            text.Append(value).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(value)).Append("</p>");
            return this;
        }

        public Body Strong(string value)
        {
            text.Append(value).Append("\n\n");
            html.Append("<p><strong>").Append(WebUtility.HtmlEncode(value)).Append("</strong></p>");
            return this;
        }

        public Body Link(string label, string url)
        {
            text.Append(label).Append(" : ").Append(url).Append("\n\n");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>");
            return this;
        }

        public Body Table(string[] headings, IEnumerable<string[]> rows)
        {
            html.Append("<table><tr>").AppendJoin("", headings.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>");
            foreach (var row in rows)
            {
                text.Append("- ").AppendJoin(" · ", row).Append('\n');
                html.Append("<tr>").AppendJoin("", row.Select(cell => $"<td>{WebUtility.HtmlEncode(cell)}</td>")).Append("</tr>");
            }

            text.Append('\n');
            html.Append("</table>");
            return this;
        }

        public string Text() => text + $"—\n{shop.Name} · {shop.ContactEmail} · {shop.ContactPhone}\n";

        public string Html() =>
            $"<!DOCTYPE html><html lang=\"fr\"><body>{html}<hr><p>{WebUtility.HtmlEncode(shop.Name)} · {WebUtility.HtmlEncode(shop.ContactEmail)} · "
            + $"{WebUtility.HtmlEncode(shop.ContactPhone)}</p></body></html>";
    }
}

/// <summary>French numbers as SMS providers want them.</summary>
public static class PhoneNumbers
{
    /// <summary>"06 12 34 56 78" → "+33612345678"; already international numbers kept; anything else null.</summary>
    public static string? ToE164(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return digits switch
        {
            { Length: 10 } when digits[0] == '0' && digits[1] != '0' => "+33" + digits[1..],
            { Length: > 9 and < 17 } when digits[0] == '+' => digits,
            { Length: > 10 } when digits.StartsWith("00", StringComparison.Ordinal) => "+" + digits[2..],
            _ => null,
        };
    }
}
