using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>An erased customer's messages are forgotten: those still queued are dropped, the log keeps no address [JI-15].</summary>
public sealed class NotificationCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        // A message being sent at this moment is sent first (its sender holds the message's lock), so the log entry its sender then
        // writes, with the address, is one of those forgotten below rather than written over them afterwards.
        var queued = await session.Query<QueuedMessage>().Where(message => message.Message.CustomerId == erased.CustomerId).Select(message => message.Id)
            .ToListAsync(cancellationToken);
        await AdvisoryLocks.LockAsync(session, queued.Select(id => MessageDispatcher.LockKey(id)), cancellationToken);
        session.DeleteWhere<QueuedMessage>(message => message.Message.CustomerId == erased.CustomerId);
        var entries = await session.Query<NotificationLogEntry>().Where(entry => entry.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            session.Store(entry with { Recipient = "erased", Subject = entry.Template });
        }
    }
}
