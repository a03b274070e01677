using MassTransit;

namespace OrderPlatform.IntegrationTests.Messaging;

public static class Deliveries
{
    /// <summary>Publishes the message twice with one message id: what an at-least-once broker may do, and every consumer must absorb.</summary>
    public static async Task PublishTwiceAsync(this IBus bus, object message)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(message);
        var messageId = NewId.NextGuid();
        await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
        await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
    }
}
