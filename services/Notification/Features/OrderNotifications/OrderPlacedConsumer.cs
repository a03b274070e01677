using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>Keeps who placed the order, to address the messages that follow; nothing is sent yet (the confirmation waits for payment, FR-27).</summary>
public sealed class OrderPlacedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedConsumer> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    protected override Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new OrderContact(message.OrderId, message.OrderNumber, message.CustomerId));
        return Task.CompletedTask;
    }
}
