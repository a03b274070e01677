using Marten;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>How many times a consumer changed state for an order: the count an inbox must keep at one.</summary>
public sealed record RecordedOrder(Guid Id, int TimesHandled);

public sealed class OrderPlacedRecorder(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedRecorder> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    /// <summary>Two messages about one order may be consumed at once: the second write to commit retries.</summary>
    public static void Storage(StoreOptions options) =>
        options.Schema.For<RecordedOrder>().UseOptimisticConcurrency(true);

    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var recorded = await session.LoadAsync<RecordedOrder>(message.OrderId, cancellationToken);
        session.Store(new RecordedOrder(message.OrderId, (recorded?.TimesHandled ?? 0) + 1));
    }
}
