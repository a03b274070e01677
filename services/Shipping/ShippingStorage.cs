using JasperFx.Events.Projections;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping;

public static class ShippingStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Snapshot<OrderToShip>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Shipment>(SnapshotLifecycle.Inline);
        // The scans look for shipments by status and due time; customers and ops by order and number.
        options.Schema.For<Shipment>()
            .Duplicate(shipment => shipment.Status)
            .Duplicate(shipment => shipment.OrderId)
            .Duplicate(shipment => shipment.NextLabelAttemptAt!)
            .Duplicate(shipment => shipment.HoldUntil!);
        options.Schema.For<ShipmentLabel>();
        options.Schema.For<OrderToShip>().Duplicate(order => order.HandedOffAt);
        // What an erasure masks in the events [JI-15]: the addresses, and the return label printed with one.
        options.Events.AddMaskingRuleForProtectedInformation<OrderReceivedForShipping>(received => received with
        {
            DeliveryAddress = PostalAddress.Anonymised(received.DeliveryAddress)!,
        });
        options.Events.AddMaskingRuleForProtectedInformation<ShipmentStarted>(started => started with
        {
            Recipient = PostalAddress.Anonymised(started.Recipient)!,
        });
        options.Events.AddMaskingRuleForProtectedInformation<ReturnLabelBooked>(booked => booked with { LabelPdf = null });
    }
}
