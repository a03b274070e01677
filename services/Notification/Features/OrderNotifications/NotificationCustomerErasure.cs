using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.ServiceDefaults.Customers;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>An erased customer's messages are forgotten: those still queued are dropped, the log keeps no address [JI-15].</summary>
public sealed class NotificationCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        session.DeleteWhere<QueuedMessage>(queued => queued.Message.CustomerId == erased.CustomerId);
        var entries = await session.Query<NotificationLogEntry>().Where(entry => entry.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            session.Store(entry with { Recipient = "erased", Subject = entry.Template });
        }
    }
}
