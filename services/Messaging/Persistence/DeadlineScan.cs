using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// A background scan for deadlines stored with the state (a hold's end, a hand-off time, a token's
/// expiry): it runs at start and then every <see cref="Interval"/>, so a restart misses nothing; a run
/// that fails is logged and the next tick tries again. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public abstract partial class DeadlineScan(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>How often the scan runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What one run deals with, for the log: "expired in-store holds".</summary>
    protected abstract string What { get; }

    /// <summary>Deals with everything due at <paramref name="now"/>; returns how many.</summary>
    protected abstract Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (await RunOnceAsync(time.GetUtcNow(), stoppingToken) is > 0 and var count)
                {
                    LogDone(count, What);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "{Count} {What} dealt with")]
    private partial void LogDone(int count, string what);

    [LoggerMessage(LogLevel.Warning, "The scan for {What} failed; the next one tries again")]
    private partial void LogFailed(Exception error, string what);
}
