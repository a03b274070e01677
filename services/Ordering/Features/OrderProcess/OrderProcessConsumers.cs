using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Messaging;

namespace OrderPlatform.Ordering.Features.OrderProcess;

/// <summary>
/// The order process: each event another service reports about an order becomes a decision on that
/// order's stream, once per message (the inbox), traced like every consumer.
/// </summary>
public abstract partial class OrderProcessConsumer<TMessage>(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger logger)
    : IdempotentConsumer<TMessage>(store, time, logger) where TMessage : class
{
    private readonly TimeProvider time = time;
    private readonly ILogger logger = logger;

    protected OrderPolicy Policy { get; } = policy;

    protected abstract Guid OrderIdOf(TMessage message);

    protected abstract IReadOnlyList<object> Decide(Order order, TMessage message, DateTimeOffset now);

    /// <summary>
    /// The order, once it has recorded this shipment: news of a parcel can overtake the parcel's <c>OrderShipped</c> (another queue),
    /// and is then delivered again later rather than dropped.
    /// </summary>
    protected static Order RecordedShipment(Order order, Guid shipmentId) =>
        order.Shipments.Any(shipment => shipment.ShipmentId == shipmentId)
            ? order
            : throw new MessageArrivedEarlyException($"order {order.Id}'s shipment {shipmentId} to be recorded");

    protected override async Task HandleAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (order, _) = await OrderStreams.DecideAsync(session, OrderIdOf(message), order => Decide(order, message, now), cancellationToken);
        if (order is null)
        {
            LogUnknownOrder(typeof(TMessage).Name, OrderIdOf(message));
        }
    }

    [LoggerMessage(LogLevel.Warning, "{MessageType} names order {OrderId}, which Ordering does not have; ignored")]
    private partial void LogUnknownOrder(string messageType, Guid orderId);
}

public sealed class StockReservedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<StockReservedConsumer> logger)
    : OrderProcessConsumer<StockReserved>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(StockReserved message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, StockReserved message, DateTimeOffset now) =>
        Domain.OrderProcess.OnStockReserved(order, message.Lines.Select(line => line.LineId).ToList(), now, Policy);
}

public sealed class StockUnavailableConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<StockUnavailableConsumer> logger)
    : OrderProcessConsumer<StockUnavailable>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(StockUnavailable message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, StockUnavailable message, DateTimeOffset now) =>
        Domain.OrderProcess.OnStockUnavailable(order, message.Lines.Select(line => line.LineId).ToList(), now, Policy);
}

public sealed class StockBackorderedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<StockBackorderedConsumer> logger)
    : OrderProcessConsumer<StockBackordered>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(StockBackordered message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, StockBackordered message, DateTimeOffset now) =>
        Domain.OrderProcess.OnStockBackordered(order, message.Lines.Select(line => line.LineId).ToList(), now, Policy);
}

public sealed class PaymentAuthorizedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<PaymentAuthorizedConsumer> logger)
    : OrderProcessConsumer<PaymentAuthorized>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentAuthorized message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentAuthorized message, DateTimeOffset now) =>
        Domain.OrderProcess.OnPaymentAuthorized(order, message.AmountCents, message.Method, now, Policy);
}

public sealed class PaymentRefusedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<PaymentRefusedConsumer> logger)
    : OrderProcessConsumer<PaymentRefused>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentRefused message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentRefused message, DateTimeOffset now) =>
        Domain.OrderProcess.OnPaymentRefused(order, message.DeclineCode, now);
}

public sealed class PaymentCapturedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<PaymentCapturedConsumer> logger)
    : OrderProcessConsumer<PaymentCaptured>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentCaptured message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentCaptured message, DateTimeOffset now) =>
        [new CaptureRecorded(message.AmountCents, message.CapturedAt)];
}

public sealed class PaymentRefundedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<PaymentRefundedConsumer> logger)
    : OrderProcessConsumer<PaymentRefunded>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentRefunded message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentRefunded message, DateTimeOffset now) =>
        [new RefundRecorded(message.AmountCents, message.RefundedAt)];
}

public sealed class OrderShippedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<OrderShippedConsumer> logger)
    : OrderProcessConsumer<OrderShipped>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(OrderShipped message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, OrderShipped message, DateTimeOffset now) =>
        Domain.OrderProcess.OnShipped(order, message);
}

public sealed class PaymentEscalatedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<PaymentEscalatedConsumer> logger)
    : OrderProcessConsumer<PaymentEscalated>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentEscalated message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentEscalated message, DateTimeOffset now) =>
        Domain.OrderProcess.OnPaymentEscalated(order, message.Reason, message.EscalatedAt);
}

public sealed class PaymentEscalationResolvedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy,
    ILogger<PaymentEscalationResolvedConsumer> logger) : OrderProcessConsumer<PaymentEscalationResolved>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(PaymentEscalationResolved message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, PaymentEscalationResolved message, DateTimeOffset now) =>
        Domain.OrderProcess.OnPaymentEscalationResolved(order, message.How, message.At);
}

public sealed class ParcelDeliveredConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<ParcelDeliveredConsumer> logger)
    : OrderProcessConsumer<ParcelDelivered>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(ParcelDelivered message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, ParcelDelivered message, DateTimeOffset now) =>
        message.ReturnParcel ? [] : Domain.OrderProcess.OnDelivered(RecordedShipment(order, message.ShipmentId), message.ShipmentId, message.DeliveredAt);
}

public sealed class ShipmentStatusChangedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<ShipmentStatusChangedConsumer> logger)
    : OrderProcessConsumer<ShipmentStatusChanged>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(ShipmentStatusChanged message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, ShipmentStatusChanged message, DateTimeOffset now) =>
        message.ReturnParcel ? [] : Domain.OrderProcess.OnShipmentStatusChanged(RecordedShipment(order, message.ShipmentId), message);
}

public sealed class LinesFoundMissingConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<LinesFoundMissingConsumer> logger)
    : OrderProcessConsumer<LinesFoundMissing>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(LinesFoundMissing message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, LinesFoundMissing message, DateTimeOffset now) =>
        Domain.OrderProcess.OnLinesFoundMissing(order, message.Lines.Select(line => line.LineId).ToList(), now);
}

/// <summary>
/// A parcel came back to the warehouse: the order shows it and waits for ops or its settle-by date. Before the order knows the
/// shipment (OrderShipped still on its way), it is delivered again later rather than lost.
/// </summary>
public sealed class ParcelReturnedConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<ParcelReturnedConsumer> logger)
    : OrderProcessConsumer<ParcelReturnedToWarehouse>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(ParcelReturnedToWarehouse message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, ParcelReturnedToWarehouse message, DateTimeOffset now) =>
        Domain.OrderProcess.OnParcelReturned(order, message.ShipmentId, message.Reason, message.At, now, Policy)
        ?? throw new MessageArrivedEarlyException($"order {order.Id}'s shipment {message.ShipmentId} to be recorded");
}

/// <summary>The carrier lost a parcel: it waits, as a parcel come back does, to be sent again by ops or refunded by its date [ALL-07].</summary>
public sealed class ParcelLostConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, ILogger<ParcelLostConsumer> logger)
    : OrderProcessConsumer<ParcelLost>(store, time, policy, logger)
{
    protected override Guid OrderIdOf(ParcelLost message) => message.OrderId;

    protected override IReadOnlyList<object> Decide(Order order, ParcelLost message, DateTimeOffset now) =>
        Domain.OrderProcess.OnParcelReturned(order, message.ShipmentId, OrderStatus.LostReason, message.At, now, Policy)
        ?? throw new MessageArrivedEarlyException($"order {message.OrderId}'s shipment {message.ShipmentId} to be known here");
}

public static class OrderProcessRegistration
{
    public static void AddOrderProcess(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StockReservedConsumer>();
        bus.AddConsumer<StockUnavailableConsumer>();
        bus.AddConsumer<StockBackorderedConsumer>();
        bus.AddConsumer<PaymentAuthorizedConsumer>();
        bus.AddConsumer<PaymentRefusedConsumer>();
        bus.AddConsumer<PaymentCapturedConsumer>();
        bus.AddConsumer<PaymentRefundedConsumer>();
        bus.AddConsumer<OrderShippedConsumer>();
        bus.AddConsumer<LinesFoundMissingConsumer>();
        bus.AddConsumer<ParcelDeliveredConsumer>();
        bus.AddConsumer<PaymentEscalatedConsumer>();
        bus.AddConsumer<PaymentEscalationResolvedConsumer>();
        bus.AddConsumer<ParcelLostConsumer>();
        bus.AddConsumer<ShipmentStatusChangedConsumer>();
        bus.AddConsumer<ParcelReturnedConsumer>();
    }
}
