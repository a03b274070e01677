using JasperFx;
using ProjectionCoordinatorBase = JasperFx.Events.Daemon.ProjectionCoordinatorBase;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// Keeps the outbox relay moving when Marten's daemon does not. Two ways it stops after a PostgreSQL restart, both seen in the chaos
/// run: the daemon pauses the relay ("progression out of order": the commit of its last progress went through, its answer was lost)
/// and never starts it again; or the daemon's high-water agent stops advancing, so the relay, running, is never given the events
/// committed since (and when restarting that agent does not help, the relay itself is restarted). Either way every later event of the
/// service waits unpublished. The relay restarts from the progress recorded in
/// the database, so an event may go out twice (the inbox drops the copy), never zero times. It acts only in the copy that holds the
/// relay (HotCold): in any other copy the relay is meant to be stopped.
/// </summary>
public sealed partial class OutboxRelayWatchdog(IProjectionCoordinator coordinator, IDocumentStore store, NpgsqlDataSource database, TimeProvider time,
    ILogger<OutboxRelayWatchdog> logger) : DeadlineScan(time, logger)
{
    public const string ShardName = "outbox-relay:All";
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(5);
    private readonly ILogger<OutboxRelayWatchdog> logger = logger;
    private RelayWatch watch = RelayWatch.Start;

    protected override TimeSpan Interval => Check;

    protected override string What => "stalled outbox relays started again";

    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        if (!daemon.IsRunning || !await HoldsRelayAsync())
        {
            watch = RelayWatch.Start;
            return 0;
        }

        var status = daemon.StatusFor(ShardName);
        var position = daemon.CurrentAgents().FirstOrDefault(agent => agent.Name.Identity == ShardName)?.Position ?? 0;
        var (next, action) = RelayWatch.Next(watch, status, position, await CommittedCeilingAsync(cancellationToken), OutboxRelayTelemetry.IsPublishing,
            daemon.IsHighWaterStale, Check);
        watch = next;
        switch (action)
        {
            case RelayRemedy.StartRelay:
                LogRestart(status);
                if (status == AgentStatus.Paused)
                {
                    daemon.EjectPausedShard(ShardName);
                }

                await daemon.StartAgentAsync(ShardName, cancellationToken);
                break;
            case RelayRemedy.RestartHighWater:
                LogHighWater(position);
                await daemon.RestartHighWaterAgentAsync(cancellationToken);
                break;
            case RelayRemedy.RestartRelay:
                LogRelayRestart(position);
                await daemon.StopAgentAsync(ShardName, new TimeoutException($"The outbox relay did not move past event {position} for a minute."));
                await daemon.StartAgentAsync(ShardName, cancellationToken);
                break;
            default:
                return 0;
        }

        OutboxRelayTelemetry.Restarted(action.ToString());
        return 1;
    }

    /// <summary>Whether this copy holds the relay's advisory lock (in Solo mode the one copy always does).</summary>
    private async Task<bool> HoldsRelayAsync()
    {
        if (coordinator is not ProjectionCoordinatorBase { Distributor: { } distributor })
        {
            return false;
        }

        var sets = await distributor.BuildDistributionAsync();
        return sets.Any(set => set.Names.Any(name => name.Identity == ShardName) && distributor.HasLock(set));
    }

    /// <summary>The last event committed in this service's store.</summary>
    private async Task<long> CommittedCeilingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(LogLevel.Warning, "The outbox relay was {Status} (Marten's daemon stopped it after an error); starting it again from its recorded progress")]
    private partial void LogRestart(AgentStatus status);

    [LoggerMessage(LogLevel.Warning, "The outbox relay has not moved past event {Position} for 30 s while later events are committed; restarting Marten's high-water agent")]
    private partial void LogHighWater(long position);

    [LoggerMessage(LogLevel.Warning, "The outbox relay is still stuck at event {Position} after the high-water agent's restart; stopping and starting the relay")]
    private partial void LogRelayRestart(long position);
}

public enum RelayRemedy
{
    None,
    StartRelay,
    RestartHighWater,
    RestartRelay,
}

/// <summary>What the watchdog knows between checks, and what it decides from the next check (pure, tested without a database).</summary>
public sealed record RelayWatch(bool StoppedBefore, long LastPosition, TimeSpan BehindFor, bool HighWaterRestarted = false)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static RelayWatch Start { get; } = new(false, -1, TimeSpan.Zero);

    /// <summary>
    /// A relay seen stopped on two checks in a row is started (one the daemon is starting itself is left to it). A running relay that
    /// has not moved for <see cref="Patience"/> while later events are committed, and is not busy retrying RabbitMQ, first gets the
    /// daemon's high-water agent restarted (at once when the daemon says that agent is stale); still stuck <see cref="Patience"/>
    /// later, the relay itself is stopped and started.
    /// </summary>
    public static (RelayWatch Next, RelayRemedy Action) Next(RelayWatch watch, AgentStatus status, long position, long committed, bool publishing,
        bool highWaterStale, TimeSpan sinceLastCheck)
    {
        ArgumentNullException.ThrowIfNull(watch);
        if (status != AgentStatus.Running)
        {
            return watch.StoppedBefore ? (Start, RelayRemedy.StartRelay) : (watch with { StoppedBefore = true }, RelayRemedy.None);
        }

        var stuck = committed > position && position == watch.LastPosition && !publishing;
        var behind = stuck ? watch.BehindFor + sinceLastCheck : TimeSpan.Zero;
        if (behind >= Patience && watch.HighWaterRestarted)
        {
            return (Start with { LastPosition = position }, RelayRemedy.RestartRelay);
        }

        return highWaterStale || behind >= Patience
            ? (Start with { LastPosition = position, HighWaterRestarted = stuck }, RelayRemedy.RestartHighWater)
            : (new RelayWatch(false, position, behind, stuck && watch.HighWaterRestarted), RelayRemedy.None);
    }
}
