using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>Ordering handed the order to logistics: the warehouse may now ship it. Told twice, it is received once.</summary>
public sealed class OrderHandedToLogisticsConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderHandedToLogisticsConsumer> logger)
    : IdempotentConsumer<OrderHandedToLogistics>(store, time, logger)
{
    protected override async Task HandleAsync(OrderHandedToLogistics message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OrderToShip>(message.OrderId, cancellationToken);
        if (stream.Aggregate is null)
        {
            stream.AppendOne(new OrderReceivedForShipping(message.OrderId, message.OrderNumber, message.CustomerId, message.Lines, message.Delivery,
                message.DeliveryAddress, message.HandedOffAt, message.EstimatedDelivery));
        }
    }
}

/// <summary>Payment could not secure the order's money: the warehouse ships nothing more of it.</summary>
public sealed class PaymentEscalatedConsumer(IDocumentStore store, TimeProvider time, ILogger<PaymentEscalatedConsumer> logger)
    : IdempotentConsumer<PaymentEscalated>(store, time, logger)
{
    protected override async Task HandleAsync(PaymentEscalated message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OrderToShip>(message.OrderId, cancellationToken);
        if (stream.Aggregate is { PaymentHold: null })
        {
            stream.AppendOne(new PaymentHoldRecorded(message.Reason, message.EscalatedAt));
        }
    }
}

/// <summary>The order's payment was settled (paid again, renewed, or nothing more to charge): the warehouse may ship again.</summary>
public sealed class PaymentEscalationResolvedConsumer(IDocumentStore store, TimeProvider time, ILogger<PaymentEscalationResolvedConsumer> logger)
    : IdempotentConsumer<PaymentEscalationResolved>(store, time, logger)
{
    protected override async Task HandleAsync(PaymentEscalationResolved message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OrderToShip>(message.OrderId, cancellationToken);
        if (stream.Aggregate is { PaymentHold: not null })
        {
            stream.AppendOne(new PaymentHoldLifted(message.How, message.At));
        }
    }
}

/// <summary>An order cancelled after it reached the warehouse (operations cancel an unsettled payment's order): nothing of it ships.</summary>
public sealed class OrderCancelledConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderCancelledConsumer> logger)
    : IdempotentConsumer<OrderCancelled>(store, time, logger)
{
    protected override async Task HandleAsync(OrderCancelled message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OrderToShip>(message.OrderId, cancellationToken);
        if (stream.Aggregate is { Cancelled: false })
        {
            stream.AppendOne(new OrderCancelledForShipping(message.CancelledAt));
        }
    }
}

/// <summary>Returns needs a return label: a return parcel is started, and the label scan books it (retried while the carrier is down).</summary>
public sealed class ReturnLabelRequestedConsumer(IDocumentStore store, TimeProvider time, ILogger<ReturnLabelRequestedConsumer> logger)
    : IdempotentConsumer<ReturnLabelRequested>(store, time, logger)
{
    protected override async Task HandleAsync(ReturnLabelRequested message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Shipment>(message.ReturnId, cancellationToken);
        if (stream.Aggregate is null)
        {
            stream.AppendOne(ShippingDecisions.ReturnParcel(message));
        }
    }
}

/// <summary>
/// Lines must leave again (a parcel back at the warehouse sent again, a claim's replacement): the warehouse sees them as left to
/// ship. About an order the warehouse never had, it is retried, then kept in the error queue for ops.
/// </summary>
public sealed class ReplacementShipmentRequestedConsumer(IDocumentStore store, TimeProvider time, ILogger<ReplacementShipmentRequestedConsumer> logger)
    : IdempotentConsumer<ReplacementShipmentRequested>(store, time, logger)
{
    protected override async Task HandleAsync(ReplacementShipmentRequested message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<OrderToShip>(message.OrderId, cancellationToken);
        var order = stream.Aggregate
            ?? throw new MessageArrivedEarlyException($"order {message.OrderId} to reach the warehouse");
        stream.AppendMany(ShippingDecisions.OnReplacementRequested(order, message));
    }
}

public static class ShippingConsumers
{
    public static void AddShippingConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OrderHandedToLogisticsConsumer>();
        bus.AddConsumer<PaymentEscalatedConsumer>();
        bus.AddConsumer<PaymentEscalationResolvedConsumer>();
        bus.AddConsumer<OrderCancelledConsumer>();
        bus.AddConsumer<ReturnLabelRequestedConsumer>();
        bus.AddConsumer<ReplacementShipmentRequestedConsumer>();
    }
}
