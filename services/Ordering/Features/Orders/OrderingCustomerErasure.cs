using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>
/// Ordering's part in a GDPR erasure [JI-15]: the orders stay, with their lines and amounts, for
/// accounting; the names, addresses and phone numbers on them go, in the snapshots and in the events.
/// </summary>
public sealed class OrderingCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        var orders = await session.Query<Order>().Where(order => order.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            session.Store(order with
            {
                DeliveryAddress = PostalAddress.Anonymised(order.DeliveryAddress),
                BillingAddress = PostalAddress.Anonymised(order.BillingAddress),
            });
        }

        foreach (var invoice in await session.Query<Invoice>().Where(invoice => invoice.CustomerId == erased.CustomerId).ToListAsync(cancellationToken))
        {
            session.Store(invoice with { BillingAddress = PostalAddress.Anonymised(invoice.BillingAddress) });
        }

        await ErasedStreams.MaskAsync(session, orders.Select(order => order.Id), cancellationToken);
    }
}
