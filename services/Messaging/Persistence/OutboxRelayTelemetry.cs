using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx.Events;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// A span per published event, child of the request that appended it; and the relay's lag: how long events wait between their
/// commit and their publication, how long the relay has been stuck on one event, how many it set aside.
/// </summary>
internal static class OutboxRelayTelemetry
{
    public const string SourceName = "OrderPlatform.OutboxRelay";
    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Delay = Meter.CreateHistogram<double>("orderplatform.outbox.delay", "s",
        "From an event's commit to its publication");
    private static readonly Counter<long> SetAside = Meter.CreateCounter<long>("orderplatform.outbox.set_aside", description: "Events that could never be published");
    private static readonly Counter<long> RelayRestarts = Meter.CreateCounter<long>("orderplatform.outbox.restarted",
        description: "Times the outbox relay was found stopped or stalled and started again");
    private static double stalledSeconds;

    static OutboxRelayTelemetry() =>
        Meter.CreateObservableGauge("orderplatform.outbox.stalled", () => Volatile.Read(ref stalledSeconds), "s",
            "How long the relay has been retrying the event it is on (0 while events flow)");

    public static void Published(IEvent @event, DateTimeOffset now) =>
        Delay.Record(Math.Max(0, (now - @event.Timestamp).TotalSeconds), new KeyValuePair<string, object?>("event.type", @event.EventTypeName));

    public static void Stalled(TimeSpan since) => Volatile.Write(ref stalledSeconds, since.TotalSeconds);

    public static void Restarted(string remedy) => RelayRestarts.Add(1, new KeyValuePair<string, object?>("remedy", remedy));

    /// <summary>The relay is retrying a publication (RabbitMQ away): it is not moving, and rightly so.</summary>
    public static bool IsPublishing => Volatile.Read(ref stalledSeconds) > 0;

    public static void Parked(IEvent @event) => SetAside.Add(1, new KeyValuePair<string, object?>("event.type", @event.EventTypeName));

    public static Activity? StartPublish(IEvent @event)
    {
        ActivityContext parent = default;
        if (@event.Headers?.TryGetValue(TraceContextListener.Header, out var header) == true && header is not null)
        {
            _ = ActivityContext.TryParse(header.ToString(), null, out parent);
        }

        var activity = Source.StartActivity($"outbox publish {@event.EventTypeName}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", @event.Id.ToString());
        activity?.SetTag("marten.event.sequence", @event.Sequence);
        return activity;
    }
}
