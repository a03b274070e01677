using Marten;
using OrderPlatform.Returns.Domain;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>
/// How long a customer has to send a return's parcel (<c>Returns:SendBackWithin</c>, 30 days from the request) and how often the scan looks
/// (<c>Returns:ExpiryScanInterval</c>, hourly).
/// </summary>
public sealed record ReturnDeadlines(TimeSpan SendBackWithin, TimeSpan ScanInterval)
{
    public static ReturnDeadlines From(IConfiguration configuration) => new(
        configuration.GetValue<TimeSpan?>("Returns:SendBackWithin") ?? TimeSpan.FromDays(30),
        configuration.GetValue<TimeSpan?>("Returns:ExpiryScanInterval") ?? TimeSpan.FromHours(1));
}

/// <summary>
/// Returns never sent back expire [ALL-07]: a return authorised and forgotten would otherwise stay open for ever and keep its units from a
/// new return. Each return and its order change in one transaction, written with their versions, so a reception landing at the same moment
/// wins and the return is left to it.
/// </summary>
public sealed class ReturnExpiryScan(IDocumentStore store, TimeProvider time, ReturnDeadlines deadlines, ILogger<ReturnExpiryScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => deadlines.ScanInterval;

    protected override string What => "returns never sent back, expired";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpireDueAsync(store, now, deadlines.SendBackWithin, cancellationToken);

    public static async Task<int> ExpireDueAsync(IDocumentStore store, DateTimeOffset now, TimeSpan sendBackWithin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var askedBefore = now - sendBackWithin;
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<CustomerReturn>()
                .Where(item => (item.Status == CustomerReturn.AwaitingLabel || item.Status == CustomerReturn.Authorised) && item.RequestedAt <= askedBefore)
                .Select(item => item.Id).Take(500).ToListAsync(cancellationToken);
        }

        var expired = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CustomerReturn>(id, cancellationToken);
            if (stream.Aggregate is not { } customerReturn || ReturnDecisions.Expire(customerReturn, now, sendBackWithin) is not var (ended, released))
            {
                continue;
            }

            var order = await session.Events.FetchForWriting<ReturnableOrder>(customerReturn.OrderId, cancellationToken);
            stream.AppendOne(ended);
            order.AppendOne(released);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                expired++;
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Received (or its order changed) meanwhile: the next run decides again on what is there then.
            }
        }

        return expired;
    }
}
