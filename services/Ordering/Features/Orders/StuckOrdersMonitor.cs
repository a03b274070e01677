using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Marten;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>
/// The metric of stuck orders per status (<c>orderplatform.orders.stuck</c>), counted every half
/// minute, so a dashboard or an alert sees an order stuck without anyone asking [ALL-07].
/// </summary>
public sealed class StuckOrdersMonitor : DeadlineScan
{
    public const string MeterName = "OrderPlatform.Ordering";
    private readonly ConcurrentDictionary<string, int> stuck = new();
    private readonly IDocumentStore store;
    private readonly OrderPolicy policy;

    public StuckOrdersMonitor(IDocumentStore store, OrderPolicy policy, TimeProvider time, IMeterFactory meters, ILogger<StuckOrdersMonitor> logger)
        : base(time, logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (this.store, this.policy) = (store, policy);
        meters.Create(MeterName).CreateObservableGauge("orderplatform.orders.stuck",
            () => stuck.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key))),
            unit: "{order}", description: "Orders waiting in a non-terminal status past its threshold");
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override string What => "stuck-order counts";

    /// <summary>Counts; the metric, not the log, says how many are stuck.</summary>
    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var found = await StuckOrders.FindAsync(session, policy, now, cancellationToken);
        foreach (var status in policy.StuckAfter.Keys)
        {
            stuck[status] = found.Count(order => order.Status == status);
        }

        return 0;
    }
}
