using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.Payment.Features.PaymentRequests;

public sealed class OrderPlacedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedConsumer> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new PaymentRequest(message.OrderId, message.OrderNumber, PaymentRequest.AwaitingAuthorisation, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
