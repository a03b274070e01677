using Marten;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>How many times a consumer changed state for an order: the count an inbox must keep at one.</summary>
public sealed record RecordedOrder(Guid Id, int TimesHandled);

public sealed class OrderPlacedRecorder(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedRecorder> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    /// <summary>Two messages about one order may be consumed at once: the second write to commit retries.</summary>
    public static void Storage(StoreOptions options) =>
        options.Schema.For<RecordedOrder>().UseOptimisticConcurrency(true);

    /// <summary>An order placed in the service's own event store: its outbox relay publishes it, and this consumer records it.</summary>
    public static async Task<OrderPlaced> AppendOrderPlacedAsync(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var order = new OrderPlaced(Guid.NewGuid(), "CMD-TEST", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow);
        await using var session = store.LightweightSession();
        session.Events.StartStream(order.OrderId, order);
        await session.SaveChangesAsync();
        return order;
    }

    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var recorded = await session.LoadAsync<RecordedOrder>(message.OrderId, cancellationToken);
        session.Store(new RecordedOrder(message.OrderId, (recorded?.TimesHandled ?? 0) + 1));
    }
}
