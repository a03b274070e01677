using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.Notification.Messages;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>What Notification keeps of an order (from OrderPlaced) to address later messages about it.</summary>
public sealed record OrderContact(Guid Id, string OrderNumber, Guid CustomerId);

/// <summary>
/// A consumer that turns one event into messages: queued in the same transaction as the inbox row, so a redelivered event
/// queues nothing new [ALL-04]; contact details come from Accounts' events (the customer directory).
/// </summary>
public abstract class NotificationConsumer<TMessage>(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger logger)
    : IdempotentConsumer<TMessage>(store, time, logger) where TMessage : class
{
    private readonly TimeProvider time = time;

    protected Shop Shop => new(options.Value.ShopName, options.Value.ContactEmail, options.Value.ContactPhone, options.Value.Storefront.TrimEnd('/'));

    protected abstract Task<IReadOnlyList<OutgoingMessage>> RenderAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken);

    protected override async Task HandleAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken) =>
        await MessageQueue.EnqueueAsync(session, await RenderAsync(message, session, cancellationToken), time.GetUtcNow(), cancellationToken);

    /// <summary>The customer to write to; null once they are erased (nothing is sent to someone who is gone).</summary>
    protected static async Task<Recipient?> RecipientAsync(IDocumentSession session, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await KnownCustomers.LockAsync(session, customerId, cancellationToken);
        var known = await session.LoadAsync<KnownCustomer>(customerId, cancellationToken) ?? throw new MessageArrivedEarlyException($"customer {customerId} to be known here");
        return known.Erased || known.Email is null ? null : new Recipient(known.Id, known.Email, known.FirstName, known.Phone);
    }

    protected static async Task<OrderContact> OrderAsync(IDocumentSession session, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<OrderContact>(orderId, cancellationToken) ?? throw new MessageArrivedEarlyException($"order {orderId} to be known here");
    }
}
