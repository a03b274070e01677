using Marten;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.Notification.Features.OrderNotifications;

namespace OrderPlatform.Notification;

/// <summary>Notification's documents, each with its table created by the migrate step.</summary>
public static class NotificationStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<QueuedMessage>().Duplicate(queued => queued.NextAttemptAt);
        options.Schema.For<NotificationLogEntry>().Duplicate(entry => entry.OrderId!).Duplicate(entry => entry.CustomerId!);
        options.Schema.For<OrderContact>();
        options.Schema.For<ShipmentNotice>();
        options.Schema.For<Messages.SellerContact>();
    }
}
