using Marten;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// Renews authorisations a day before they lapse while the order waits to ship (a backorder, a slow
/// preparation), so that a refusal is known before anything leaves the warehouse: the payment is
/// escalated (<c>PaymentEscalated</c>, <c>GET /api/ops/payments/escalated</c>) and the order must not ship unpaid.
/// </summary>
public sealed class AuthorisationRenewalScan(IDocumentStore store, PaymentSettlement settlement, TimeProvider time, IConfiguration configuration,
    ILogger<AuthorisationRenewalScan> logger) : DeadlineScan(time, logger)
{
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromDays(1);

    protected override TimeSpan Interval => configuration.GetValue<TimeSpan?>("Payment:RenewalScanInterval") ?? TimeSpan.FromMinutes(15);

    protected override string What => "authorisations renewed or escalated";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        RenewLapsingAsync(store, settlement, now, configuration.GetValue<TimeSpan?>("Payment:RenewBefore") ?? DefaultMargin, cancellationToken);

    /// <summary>Renews every authorisation that lapses within <paramref name="margin"/> of <paramref name="now"/>; how many it dealt with.</summary>
    public static async Task<int> RenewLapsingAsync(IDocumentStore store, PaymentSettlement settlement, DateTimeOffset now, TimeSpan margin,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settlement);
        var limit = now + margin;
        IReadOnlyList<Guid> lapsing;
        await using (var query = store.QuerySession())
        {
            lapsing = await query.Query<Domain.Payment>()
                .Where(payment => payment.Status == Domain.Payment.Authorized && payment.AuthorizationExpiresAt <= limit)
                .Select(payment => payment.Id).Take(200).ToListAsync(cancellationToken);
        }

        var dealt = 0;
        foreach (var orderId in lapsing)
        {
            await using var session = store.LightweightSession();
            // One copy of Payment renews a given authorisation: the other, waiting here, then reads it renewed and leaves it.
            await AdvisoryLocks.LockAsync(session, ["renewal:" + orderId], cancellationToken);
            var stream = await PaymentStreams.FetchAsync(session, orderId, cancellationToken);
            // Nothing left to capture, nothing to renew: a renewal refused there would only freeze a paid order.
            if (stream.Aggregate is { Status: Domain.Payment.Authorized, AuthorizationExpiresAt: { } expires, Uncaptured: > 0 } && expires <= limit)
            {
                await settlement.RenewAsync(stream, now, cancellationToken);
                await session.SaveChangesAsync(cancellationToken);
                dealt++;
            }
        }

        return dealt;
    }
}
