using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>
/// Shipping's part in a GDPR erasure [JI-15]: the parcels stay (what left, when, with which carrier), but the names, addresses
/// and phones on them and on their labels go, in the snapshots and in the events; return parcels of the orders too.
/// </summary>
public sealed class ShippingCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        var orders = await session.Query<OrderToShip>().Where(order => order.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        var orderIds = orders.Select(order => order.Id).ToArray();
        var shipments = orderIds.Length == 0 ? [] : await session.Query<Shipment>().Where(shipment => orderIds.Contains(shipment.OrderId)).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            session.Store(order with { DeliveryAddress = PostalAddress.Anonymised(order.DeliveryAddress)! });
        }

        foreach (var shipment in shipments)
        {
            session.Store(shipment with { Recipient = PostalAddress.Anonymised(shipment.Recipient)! });
            session.Delete<ShipmentLabel>(shipment.Id); // the label printed the name and address
        }

        await ErasedStreams.MaskAsync(session, orderIds.Concat(shipments.Select(shipment => shipment.Id)), cancellationToken);
    }
}
