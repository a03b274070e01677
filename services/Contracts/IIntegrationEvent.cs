namespace OrderPlatform.Contracts;

/// <summary>
/// Marks an event that leaves its service. A service appends it to its Marten event store with the
/// state change that caused it; the outbox relay publishes it to RabbitMQ after commit.
/// </summary>
public interface IIntegrationEvent
{
}
