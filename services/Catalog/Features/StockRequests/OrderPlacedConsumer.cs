using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.Catalog.Features.StockRequests;

public sealed class OrderPlacedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedConsumer> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new OrderStockRequest(message.OrderId, message.OrderNumber, message.Lines, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
