using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Features.OrderNotifications;
using OrderPlatform.Notification.Messages;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;

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

/// <summary>
/// A report opened or moved on [MP-11]: the seller is told of an order problem waiting for its answer (waiting, parked, until its certification
/// reaches Notification: the seller must act on it), the reporter of the answer, the platform taking over, and the closing. A reporter not
/// known here (a seller's colleague, who never signed up as a customer) is not written to.
/// </summary>
public sealed class ReportChangedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<ReportChangedConsumer> logger) : NotificationConsumer<ReportChanged>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ReportChanged message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (message is { Status: "open", Owner: "seller", SellerId: { } sellerId })
        {
            var seller = await session.LoadAsync<SellerContact>(sellerId, cancellationToken)
                ?? throw new MessageArrivedEarlyException($"seller {sellerId} to be known here");
            return [MessageTemplates.ReportToSeller(message, seller, Shop)];
        }

        if (await session.LoadAsync<KnownCustomer>(message.ReporterId, cancellationToken) is not { Erased: false, Email: { } email } reporter)
        {
            return [];
        }

        return MessageTemplates.ReportToReporter(message, new Recipient(reporter.Id, email, reporter.FirstName, reporter.Phone), Shop) is { } told ? [told] : [];
    }
}
