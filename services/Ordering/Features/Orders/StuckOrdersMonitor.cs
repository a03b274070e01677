using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Marten;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>
/// The metric of stuck orders per status (<c>orderplatform.orders.stuck</c>), counted every half
/// minute, so a dashboard or an alert sees an order stuck without anyone asking [ALL-07].
/// </summary>
public sealed partial class StuckOrdersMonitor : BackgroundService
{
    public const string MeterName = "OrderPlatform.Ordering";
    private readonly ConcurrentDictionary<string, int> stuck = new();
    private readonly IDocumentStore store;
    private readonly OrderPolicy policy;
    private readonly TimeProvider time;
    private readonly ILogger<StuckOrdersMonitor> logger;

    public StuckOrdersMonitor(IDocumentStore store, OrderPolicy policy, TimeProvider time, IMeterFactory meters, ILogger<StuckOrdersMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (this.store, this.policy, this.time, this.logger) = (store, policy, time, logger);
        meters.Create(MeterName).CreateObservableGauge("orderplatform.orders.stuck",
            () => stuck.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key))),
            unit: "{order}", description: "Orders waiting in a non-terminal status past its threshold");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        do
        {
            try
            {
                await using var session = store.QuerySession();
                var found = await StuckOrders.FindAsync(session, policy, time.GetUtcNow(), stoppingToken);
                foreach (var status in policy.StuckAfter.Keys)
                {
                    stuck[status] = found.Count(order => order.Status == status);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Counting stuck orders failed; the metric keeps its last values")]
    private partial void LogCountFailed(Exception error);
}
