using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Returns.Domain;
using OrderPlatform.Shops.Documents;
using OrderPlatform.Messaging;

namespace OrderPlatform.Returns.Features.Returns;

public sealed class OrderPlacedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderPlacedConsumer> logger)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ReturnableOrder>(message.OrderId, cancellationToken);
        if (stream.Aggregate is null)
        {
            stream.AppendOne(new OrderRecordedForReturns(message.OrderId, message.OrderNumber, message.CustomerId, message.Lines,
                message.Amounts?.ShippingFeeCents ?? 0, message.DeliveryAddress, message.PlacedAt));
        }
    }
}

public sealed class OrderShippedConsumer(IDocumentStore store, TimeProvider time, ILogger<OrderShippedConsumer> logger)
    : IdempotentConsumer<OrderShipped>(store, time, logger)
{
    protected override async Task HandleAsync(OrderShipped message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ReturnableOrder>(message.OrderId, cancellationToken);
        var order = stream.Aggregate ?? throw new MessageArrivedEarlyException($"order {message.OrderId} to be known here");
        if (order.Shipments.All(shipment => shipment.ShipmentId != message.ShipmentId))
        {
            stream.AppendOne(new ShipmentRecordedForReturns(message.ShipmentId, message.Lines));
        }
    }
}

/// <summary>A parcel reached the customer: the return windows start [FR-15]. Return parcels reaching the warehouse are not deliveries of the order.</summary>
public sealed class ParcelDeliveredConsumer(IDocumentStore store, TimeProvider time, ILogger<ParcelDeliveredConsumer> logger)
    : IdempotentConsumer<ParcelDelivered>(store, time, logger)
{
    protected override async Task HandleAsync(ParcelDelivered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (message.ReturnParcel)
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<ReturnableOrder>(message.OrderId, cancellationToken);
        var order = stream.Aggregate ?? throw new MessageArrivedEarlyException($"order {message.OrderId} to be known here");
        if (order.Returns.Contains(message.ShipmentId))
        {
            return; // told by a Shipping that did not yet mark return parcels
        }

        var shipment = order.Shipments.FirstOrDefault(known => known.ShipmentId == message.ShipmentId)
            ?? throw new MessageArrivedEarlyException($"order {message.OrderId}'s shipment {message.ShipmentId} to be known here");
        if (shipment.DeliveredAt is null)
        {
            stream.AppendOne(new DeliveryRecordedForReturns(message.ShipmentId, message.DeliveredAt));
        }
    }
}

/// <summary>The carrier booked the return label: the return is authorised, its printable authorisation made and sent on [FR-12].</summary>
public sealed class ReturnLabelBookedConsumer(IDocumentStore store, TimeProvider time, DocumentFonts fonts, IConfiguration configuration,
    ILogger<ReturnLabelBookedConsumer> logger) : IdempotentConsumer<ReturnLabelBooked>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(ReturnLabelBooked message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<CustomerReturn>(message.ReturnId, cancellationToken);
        if (stream.Aggregate is not { TrackingNumber: null } customerReturn)
        {
            return;
        }

        var attached = new ReturnLabelAttached(message.TrackingNumber, message.TrackingUrl, time.GetUtcNow());
        var authorised = customerReturn.Next(attached);
        var pdf = AuthorisationPdf.Render(authorised, configuration["Returns:ShopName"] ?? "OrderPlatform", message.LabelPdf, fonts);
        session.Store(new ReturnDocument(customerReturn.Id, message.LabelPdf, pdf));
        stream.AppendMany(attached, new ReturnAuthorised(customerReturn.Id, customerReturn.ReturnNumber, customerReturn.OrderId, customerReturn.OrderNumber,
            customerReturn.CustomerId, customerReturn.LabelCostCents, customerReturn.RefundMethod, pdf, attached.At));
    }
}

/// <summary>Payment gave a return's money back: the return is closed.</summary>
public sealed class PaymentRefundedConsumer(IDocumentStore store, TimeProvider time, ILogger<PaymentRefundedConsumer> logger)
    : IdempotentConsumer<PaymentRefunded>(store, time, logger)
{
    protected override Task HandleAsync(PaymentRefunded message, IDocumentSession session, CancellationToken cancellationToken) =>
        EndRefundPendingAsync(session, message.RefundId, new RefundConfirmed(message.AmountCents, message.RefundedAt), cancellationToken);

    /// <summary>Ends the return a refund was for, while it waits for that refund (told twice, or about another refund: nothing).</summary>
    internal static async Task EndRefundPendingAsync(IDocumentSession session, string? refundId, object ending, CancellationToken cancellationToken)
    {
        if (ReturnDecisions.ReturnIdOf(refundId) is not { } returnId)
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<CustomerReturn>(returnId, cancellationToken);
        if (stream.Aggregate is { Status: CustomerReturn.RefundPending })
        {
            stream.AppendOne(ending);
        }
    }
}

/// <summary>Payment had nothing to give back for a return's refund: the return ends without one, rather than waiting for ever.</summary>
public sealed class RefundDeclinedConsumer(IDocumentStore store, TimeProvider time, ILogger<RefundDeclinedConsumer> logger)
    : IdempotentConsumer<RefundDeclined>(store, time, logger)
{
    protected override Task HandleAsync(RefundDeclined message, IDocumentSession session, CancellationToken cancellationToken) =>
        PaymentRefundedConsumer.EndRefundPendingAsync(session, message.RefundId, new RefundNotGiven(message.Reason, message.At), cancellationToken);
}

public static class ReturnConsumers
{
    public static void AddReturnConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OrderPlacedConsumer>();
        bus.AddConsumer<OrderShippedConsumer>();
        bus.AddConsumer<ParcelDeliveredConsumer>();
        bus.AddConsumer<ReturnLabelBookedConsumer>();
        bus.AddConsumer<PaymentRefundedConsumer>();
        bus.AddConsumer<RefundDeclinedConsumer>();
    }
}
