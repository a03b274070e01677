using OrderPlatform.Contracts;

namespace OrderPlatform.Notification.Messages;

// What the customer hears when they change their order before it goes to logistics [JI-06].
public static partial class MessageTemplates
{
    /// <summary>The order as it now stands: its lines, delivery and new total.</summary>
    public static OutgoingMessage OrderModified(OrderModified modified, Recipient to, Shop shop)
    {
        ArgumentNullException.ThrowIfNull(modified);
        var body = new Body(shop, to.FirstName)
            .Paragraph($"Votre commande n° {modified.OrderNumber} a bien été modifiée. La voici telle qu'elle sera préparée :")
            .Table(["Article", "Quantité"], modified.Lines.Where(line => line.Quantity > 0)
                .Select(line => new[] { line.ProductName ?? line.Sku, line.Quantity.ToString(French) }))
            .Paragraph($"Livraison : {DeliveryMethod(modified.Delivery)}.")
            .Paragraph($"Adresse de livraison : {Address(modified.DeliveryAddress)}")
            .Strong($"Nouveau total : {Euros(modified.Amounts.TotalCents)}")
            .Paragraph("Si vous aviez payé davantage, la différence vous est remboursée sur votre moyen de paiement.")
            .Link("Voir ma commande", $"{shop.Storefront}/compte/commandes/{modified.OrderId}");
        return Email($"order-modified/{modified.OrderId}/{modified.Sequence}", "order-modified", to,
            $"{shop.Name} : votre commande {modified.OrderNumber} est modifiée", body, modified.OrderId, modified.OrderNumber);
    }
}
