using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>
/// Ordering's part in a GDPR erasure [JI-15]: the orders stay, with their lines and amounts, for
/// accounting; the names, addresses and phone numbers on them go, in the snapshots and in the events; what the customer wrote to sellers and in reports goes.
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

        foreach (var conversation in await session.Query<Conversation>().Where(conversation => conversation.BuyerId == erased.CustomerId)
                     .ToListAsync(cancellationToken))
        {
            var (kept, photos) = ConversationRules.EraseBuyer(conversation);
            session.Store(kept);
            foreach (var photo in photos)
            {
                session.Delete<Features.Conversations.ConversationPhoto>(photo);
            }
        }

        foreach (var report in await session.Query<Report>().Where(report => report.ReporterId == erased.CustomerId).ToListAsync(cancellationToken))
        {
            session.Store(ReportRules.EraseReporter(report));
        }

        await ErasedStreams.MaskAsync(session, orders.Select(order => order.Id), cancellationToken);
    }
}
