using System.Diagnostics;
using JasperFx.Events;

namespace OrderPlatform.ServiceDefaults.Persistence;

/// <summary>A span per published event, child of the request that appended it.</summary>
internal static class OutboxRelayTelemetry
{
    public const string SourceName = "OrderPlatform.OutboxRelay";
    private static readonly ActivitySource Source = new(SourceName);

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
