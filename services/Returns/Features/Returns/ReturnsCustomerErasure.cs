using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Returns.Domain;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>
/// Returns' part in a GDPR erasure [JI-15]: returns and claims stay as records of what was sent back and refunded, but the
/// delivery and return addresses, the printed authorisations and labels, what the customer wrote and the claim photos go,
/// in the snapshots and in the events.
/// </summary>
public sealed class ReturnsCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        var orders = await session.Query<ReturnableOrder>().Where(order => order.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        var returns = await session.Query<CustomerReturn>().Where(item => item.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        var claims = await session.Query<CustomerClaim>().Where(claim => claim.CustomerId == erased.CustomerId).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            session.Store(order with { DeliveryAddress = PostalAddress.Anonymised(order.DeliveryAddress) });
        }

        foreach (var item in returns)
        {
            session.Delete<ReturnDocument>(item.Id);
        }

        foreach (var claim in claims)
        {
            session.Store(claim with { Description = null });
            session.Delete<ClaimPhoto>(claim.Id);
        }

        await ErasedStreams.MaskAsync(session,
            orders.Select(order => order.Id).Concat(returns.Select(item => item.Id)).Concat(claims.Select(claim => claim.Id)), cancellationToken);
    }
}
