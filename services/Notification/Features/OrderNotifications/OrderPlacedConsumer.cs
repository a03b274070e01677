using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.Notification.Features.OrderNotifications;

public sealed class OrderPlacedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedConsumer> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var template = NotificationLogEntry.OrderReceived;
        session.Store(new NotificationLogEntry(NotificationLogEntry.IdFor(message.OrderId, template), message.OrderId,
            message.OrderNumber, template, NotificationLogEntry.Pending, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
