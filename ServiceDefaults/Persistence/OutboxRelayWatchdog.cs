using JasperFx;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.ServiceDefaults.Persistence;

/// <summary>
/// Starts the outbox relay again when Marten's daemon has stopped it. A PostgreSQL restart can leave the relay's recorded progress
/// ahead of what the daemon believes (the commit of its last batch went through, its answer was lost); the daemon then stops the
/// relay with "progression out of order" and, seen in the chaos run, does not start it again: every later event of the service
/// waited unpublished. The relay restarts from the progress recorded in the database, so an event is published again at most
/// (consumers' inboxes drop the copy), never skipped. A relay seen stopped on two checks in a row is restarted, so one that the
/// daemon is starting itself is left to it.
/// </summary>
public sealed partial class OutboxRelayWatchdog(IProjectionCoordinator coordinator, TimeProvider time, ILogger<OutboxRelayWatchdog> logger)
    : DeadlineScan(time, logger)
{
    public const string ShardName = "outbox-relay:All";
    private readonly ILogger<OutboxRelayWatchdog> logger = logger;
    private bool stoppedAtLastCheck;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override string What => "stopped outbox relays started again";

    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        var status = daemon.IsRunning ? daemon.StatusFor(ShardName) : AgentStatus.Running;
        var stoppedBefore = stoppedAtLastCheck;
        stoppedAtLastCheck = status != AgentStatus.Running;
        if (!stoppedAtLastCheck || !stoppedBefore)
        {
            return 0;
        }

        if (status == AgentStatus.Paused)
        {
            daemon.EjectPausedShard(ShardName);
        }

        LogRestart(status);
        await daemon.StartAgentAsync(ShardName, cancellationToken);
        stoppedAtLastCheck = false;
        OutboxRelayTelemetry.Restarted();
        return 1;
    }

    [LoggerMessage(LogLevel.Warning, "The outbox relay was {Status} (Marten's daemon stopped it after an error); starting it again from its recorded progress")]
    private partial void LogRestart(AgentStatus status);
}
