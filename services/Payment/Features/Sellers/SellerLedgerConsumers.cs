using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Sellers;

/// <summary>A seller's commission: the one operations set, else the marketplace's default (<c>Payment:Marketplace:CommissionPercent</c>, 15 %).</summary>
public sealed class SellerCommissions(IConfiguration configuration)
{
    public int DefaultBasisPoints { get; } = (int)Math.Round((configuration.GetValue<decimal?>("Payment:Marketplace:CommissionPercent") ?? 15m) * 100m);

    public async Task<Func<string, int>> RatesAsync(IQuerySession session, IEnumerable<string> sellerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var terms = (await session.LoadManyAsync<SellerTerms>(cancellationToken, sellerIds.Distinct().ToArray())).ToDictionary(term => term.Id);
        return sellerId => terms.TryGetValue(sellerId, out var term) ? term.CommissionBasisPoints : DefaultBasisPoints;
    }
}

/// <summary>A company certified on the marketplace [MP-01]: Payment knows the seller it may owe money to.</summary>
public sealed class SellerKnownOnCertification(IDocumentStore store, TimeProvider time, ILogger<SellerKnownOnCertification> logger)
    : IdempotentConsumer<SellerCertified>(store, time, logger)
{
    protected override Task HandleAsync(SellerCertified message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new CertifiedSeller(message.SellerId, message.SellerName));
        return Task.CompletedTask;
    }
}

/// <summary>A seller's lines left in a parcel: what they brought is credited to the seller, less the commission [MP-06].</summary>
public sealed class SellerSalesOnShipment(IDocumentStore store, TimeProvider time, SellerCommissions commissions, ILogger<SellerSalesOnShipment> logger)
    : IdempotentConsumer<OrderShipped>(store, time, logger)
{
    protected override async Task HandleAsync(OrderShipped message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var payment = await session.LoadAsync<Domain.Payment>(message.OrderId, cancellationToken)
                      ?? throw new MessageArrivedEarlyException($"order {message.OrderId}'s payment to be known here");
        if (!payment.Lines.Any(line => line.SoldByMarketplaceSeller))
        {
            return; // a shop's own products: nobody to owe
        }

        var rates = await commissions.RatesAsync(session, payment.Lines.Select(line => line.SellerId).OfType<string>(), cancellationToken);
        foreach (var sale in SellerLedger.Sales(payment, message, rates))
        {
            session.Store(sale);
        }
    }
}

/// <summary>
/// A refund for a seller's items is taken from what the seller is owed, and the commission on it returned [MP-10]: written by the refund
/// itself, with the amount and units actually given back, so the ledger never follows a refund that was asked for but capped or refused.
/// </summary>
public sealed class SellerRefunds(SellerCommissions commissions, TimeProvider time)
{
    public async Task RecordRefundAsync(IDocumentSession session, Domain.Payment payment, RefundRequested made, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(made);
        if (!payment.Lines.Any(line => line.SoldByMarketplaceSeller))
        {
            return;
        }

        var sales = await session.Query<SellerLedgerEntry>().Where(entry => entry.OrderId == made.OrderId && entry.Kind == SellerLedgerEntry.Sale)
            .ToListAsync(cancellationToken);
        var rates = await commissions.RatesAsync(session, payment.Lines.Select(line => line.SellerId).OfType<string>(), cancellationToken);
        foreach (var refund in SellerLedger.Refunds(payment, made, sales, rates, time.GetUtcNow()))
        {
            session.Store(refund);
        }
    }
}
