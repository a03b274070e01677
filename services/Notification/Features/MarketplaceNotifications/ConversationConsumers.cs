using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Features.OrderNotifications;
using OrderPlatform.Notification.Messages;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.Notification.Features.MarketplaceNotifications;

/// <summary>A seller is certified: Notification keeps where to write to it.</summary>
public sealed class SellerContactConsumer(IDocumentStore store, TimeProvider time, ILogger<SellerContactConsumer> logger)
    : IdempotentConsumer<SellerCertified>(store, time, logger)
{
    protected override Task HandleAsync(SellerCertified message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (message.ContactEmail is { Length: > 0 } email)
        {
            session.Store(new SellerContact(message.SellerId, message.SellerName, email));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A new message in a buyer–seller conversation e-mails the other side [MP-09]: the seller's contact when the buyer wrote (waiting, parked,
/// if the seller's certification has not reached Notification yet), the buyer otherwise (nothing once the buyer is erased).
/// </summary>
public sealed class ConversationMessageConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<ConversationMessageConsumer> logger) : NotificationConsumer<ConversationMessagePosted>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ConversationMessagePosted message, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        if (message.From == "buyer")
        {
            var seller = await session.LoadAsync<SellerContact>(message.SellerId, cancellationToken)
                ?? throw new MessageArrivedEarlyException($"seller {message.SellerId} to be known here");
            return [MessageTemplates.MessageToSeller(message, seller, Shop)];
        }

        return await RecipientAsync(session, message.BuyerId, cancellationToken) is { } buyer ? [MessageTemplates.MessageToBuyer(message, buyer, Shop)] : [];
    }
}

/// <summary>
/// A seller's lines are late [MP-08]: the buyer is e-mailed (once known here), and the seller's contact when the seller was certified (the
/// demo catalogue's sellers have none).
/// </summary>
public sealed class SellerLinesLateConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<SellerLinesLateConsumer> logger) : NotificationConsumer<SellerLinesLate>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(SellerLinesLate message, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        var messages = new List<OutgoingMessage>();
        if (message.CustomerId is { } customerId && await RecipientAsync(session, customerId, cancellationToken) is { } buyer)
        {
            messages.Add(MessageTemplates.LateToBuyer(message, buyer, Shop));
        }

        if (await session.LoadAsync<SellerContact>(message.SellerId, cancellationToken) is { } seller)
        {
            messages.Add(MessageTemplates.LateToSeller(message, seller, Shop));
        }

        return messages;
    }
}
