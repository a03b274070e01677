using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Payments;

public sealed class CaptureOnConfirmation(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, PaymentPolicy policy,
    ILogger<CaptureOnConfirmation> logger) : IdempotentConsumer<OrderConfirmed>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(OrderConfirmed message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        if (stream.Aggregate is null)
        {
            return;
        }

        stream.AppendOne(new DeliverableLinesRecorded(message.Lines.Select(line => line.LineId).ToList(), time.GetUtcNow()));
        if (policy.Capture == CaptureTiming.OnOrder)
        {
            // A change the customer made meanwhile [JI-06] lowers what is taken.
            var total = Math.Min(message.Amounts.TotalCents, stream.Aggregate.ModifiedTotalCents ?? long.MaxValue);
            await settlement.CaptureAsync(stream, Math.Min(total, stream.Aggregate.Uncaptured), null, $"capture-order-{message.OrderId:N}", cancellationToken);
            await settlement.ReleaseLeftoverAsync(stream, cancellationToken);
        }

        await settlement.ReleaseIfCompleteAsync(stream, cancellationToken);
    }
}

public sealed class CaptureOnShipment(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, PaymentPolicy policy,
    ILogger<CaptureOnShipment> logger) : IdempotentConsumer<OrderShipped>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(OrderShipped message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        // A replacement's lines were charged with the first delivery: it costs the customer nothing more.
        if (stream.Aggregate is null || (stream.Aggregate.Shipments ?? []).Contains(message.ShipmentId) || message.Replacement)
        {
            return;
        }

        stream.AppendOne(new ShipmentRecorded(message.ShipmentId, message.Lines, time.GetUtcNow()));
        if (policy.Capture == CaptureTiming.OnShipment)
        {
            var amount = PaymentDecisions.AmountForShipment(PaymentSettlement.Folded(stream), message.Lines);
            await settlement.CaptureAsync(stream, amount, message.ShipmentId, $"capture-{message.ShipmentId:N}", cancellationToken);
        }

        await settlement.ReleaseIfCompleteAsync(stream, cancellationToken);
    }
}

public sealed class ReleaseOnLinesMissing(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, PaymentPolicy policy,
    ILogger<ReleaseOnLinesMissing> logger) : IdempotentConsumer<LinesFoundMissing>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(LinesFoundMissing message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        if (stream.Aggregate is null)
        {
            return;
        }

        stream.AppendOne(new LinesMissingRecorded(message.Lines.Select(line => line.LineId).ToList(), time.GetUtcNow()));
        await settlement.ReleaseIfCompleteAsync(stream, cancellationToken);
        await settlement.RefundMissingLinesAsync(stream, policy.Capture, cancellationToken);
    }
}

public sealed class SettleOnCancellation(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, ILogger<SettleOnCancellation> logger)
    : IdempotentConsumer<OrderCancelled>(store, time, logger)
{
    protected override async Task HandleAsync(OrderCancelled message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        if (stream.Aggregate is not null)
        {
            await settlement.SettleCancellationAsync(stream, cancellationToken);
        }
    }
}

public static class PaymentConsumers
{
    public static void AddPaymentConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AuthoriseOnOrderPlaced>();
        bus.AddConsumer<CustomerAccountOpened>();
        bus.AddConsumer<CustomerAccountErased>();
        bus.AddConsumer<CaptureOnConfirmation>();
        bus.AddConsumer<CaptureOnShipment>();
        bus.AddConsumer<ReleaseOnLinesMissing>();
        bus.AddConsumer<SettleOnCancellation>();
        bus.AddConsumer<RefundOnRequest>();
        bus.AddConsumer<SettleOnModification>();
        bus.AddConsumer<Sellers.SellerSalesOnShipment>();
        bus.AddConsumer<Sellers.SellerKnownOnCertification>();
    }
}
