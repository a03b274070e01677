using JasperFx;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.UnitTests.Messaging;

/// <summary>When the outbox relay's watchdog steps in: a relay stopped twice in a row, or one left behind committed events [ALL-04].</summary>
public sealed class RelayWatchTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_relay_stopped_on_two_checks_in_a_row_is_started_and_one_the_daemon_is_still_starting_is_left_alone()
    {
        var (once, first) = RelayWatch.Next(RelayWatch.Start, AgentStatus.Paused, 10, 20, publishing: false, highWaterStale: false, Tick);
        var (_, second) = RelayWatch.Next(once, AgentStatus.Paused, 10, 20, publishing: false, highWaterStale: false, Tick);
        var (back, _) = RelayWatch.Next(RelayWatch.Start, AgentStatus.Stopped, 0, 0, publishing: false, highWaterStale: false, Tick);
        var (_, running) = RelayWatch.Next(back, AgentStatus.Running, 0, 0, publishing: false, highWaterStale: false, Tick);

        Assert.Equal((RelayRemedy.None, RelayRemedy.StartRelay, RelayRemedy.None), (first, second, running));
    }

    [Fact]
    public void A_running_relay_left_behind_committed_events_for_30_s_gets_the_high_water_agent_restarted_but_not_one_retrying_RabbitMQ()
    {
        var actions = StuckChecks(8, position: 66, committed: 80, publishing: false);
        var waited = StuckChecks(10, position: 66, committed: 80, publishing: true);

        Assert.Equal(RelayRemedy.RestartHighWater, actions[6]); // 0 s at the first check, then 5 s a check: 30 s at the seventh
        Assert.All(actions.Take(6), action => Assert.Equal(RelayRemedy.None, action));
        Assert.Equal(RelayRemedy.None, actions[7]); // and then it waits another 30 s before trying again
        Assert.All(waited, action => Assert.Equal(RelayRemedy.None, action));
    }

    [Fact]
    public void A_relay_still_stuck_30_s_after_the_high_water_agent_restarted_is_itself_stopped_and_started()
    {
        var actions = StuckChecks(14, position: 8, committed: 80, publishing: false);

        Assert.Equal(RelayRemedy.RestartHighWater, actions[6]);
        Assert.Equal(RelayRemedy.RestartRelay, actions[12]); // 5 s a check again, 30 s later
        Assert.Equal(2, actions.Count(action => action != RelayRemedy.None));
    }

    [Fact]
    public void A_relay_that_moves_or_has_caught_up_is_left_alone_unless_the_daemon_says_its_high_water_agent_is_stale()
    {
        var watch = RelayWatch.Start;
        for (var check = 0; check < 20; check++)
        {
            (watch, var moving) = RelayWatch.Next(watch, AgentStatus.Running, 60 + check, 100, publishing: false, highWaterStale: false, Tick);
            Assert.Equal(RelayRemedy.None, moving);
        }

        var (_, caughtUp) = RelayWatch.Next(watch with { LastPosition = 100, BehindFor = TimeSpan.FromMinutes(5) }, AgentStatus.Running, 100, 100,
            publishing: false, highWaterStale: false, Tick);
        var (_, stale) = RelayWatch.Next(RelayWatch.Start, AgentStatus.Running, 100, 100, publishing: false, highWaterStale: true, Tick);

        Assert.Equal((RelayRemedy.None, RelayRemedy.RestartHighWater), (caughtUp, stale));
    }

    /// <summary>What the watchdog decides on each of <paramref name="checks"/> checks, 5 s apart, of a running relay that stays at one position.</summary>
    private static List<RelayRemedy> StuckChecks(int checks, long position, long committed, bool publishing)
    {
        var watch = RelayWatch.Start;
        var actions = new List<RelayRemedy>();
        for (var check = 0; check < checks; check++)
        {
            (watch, var action) = RelayWatch.Next(watch, AgentStatus.Running, position, committed, publishing, highWaterStale: false, Tick);
            actions.Add(action);
        }

        return actions;
    }
}
