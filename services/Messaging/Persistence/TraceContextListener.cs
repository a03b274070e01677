using System.Diagnostics;
using Marten;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// Stamps appended events with the current trace, so that the outbox relay can publish them as part
/// of the request that caused them and one order reads as one trace across services.
/// </summary>
internal sealed class TraceContextListener : DocumentSessionListenerBase
{
    public const string Header = "traceparent";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Activity.Current?.Id is { } traceParent)
        {
            session.SetHeader(Header, traceParent);
            // The session's headers reach only events appended after they are set: stamp what this save appends, too.
            foreach (var @event in session.PendingChanges.Streams().SelectMany(stream => stream.Events))
            {
                @event.SetHeader(Header, traceParent);
            }
        }

        return Task.CompletedTask;
    }
}
