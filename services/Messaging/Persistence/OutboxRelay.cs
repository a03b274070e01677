using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// The outbox relay: a Marten subscription that publishes every integration event a transaction
/// appended, after commit, in order, at least once. When RabbitMQ does not answer it waits and tries
/// again without moving on, so nothing is skipped; the event's id is the message id, so consumers'
/// inboxes drop the copies a retry may produce. An event that can never be published (it does not serialise) is set aside as an
/// <see cref="UnpublishableEvent"/> rather than holding back every event after it.
/// </summary>
public sealed partial class OutboxRelay : SubscriptionBase
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    private readonly IBus bus;
    private readonly ILogger<OutboxRelay> logger;
    private readonly TimeProvider time;

    public OutboxRelay(IBus bus, ILogger<OutboxRelay> logger, TimeProvider time)
    {
        this.bus = bus;
        this.logger = logger;
        this.time = time;
        Name = "outbox-relay";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var @event in page.Events)
        {
            if (@event.Data is IIntegrationEvent && await PublishUntilAcceptedAsync(@event, cancellationToken) is { } poison)
            {
                // Committed with the relay's progress: the event is kept, with why, for an operator; the next ones go out.
                operations.Store(new UnpublishableEvent(@event.Id, @event.Sequence, @event.EventTypeName, @event.StreamId, ReasonOf(poison), time.GetUtcNow()));
                OutboxRelayTelemetry.Parked(@event);
                LogParked(poison, @event.EventTypeName, @event.Sequence);
            }
        }

        return NullChangeListener.Instance;
    }

    /// <summary>
    /// Publishes the event, waiting for RabbitMQ as long as it takes; null once published, or the error that shows it can never be
    /// (it cannot be serialised): only that one event is then set aside.
    /// </summary>
    private async Task<Exception?> PublishUntilAcceptedAsync(IEvent @event, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var since = time.GetUtcNow();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var activity = OutboxRelayTelemetry.StartPublish(@event);
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(PublishTimeout);
                    await bus.Publish(@event.Data, @event.EventType, context => context.MessageId = @event.Id, timeout.Token);
                    OutboxRelayTelemetry.Published(@event, time.GetUtcNow());
                    return null;
                }
                catch (Exception e) when (IsUnpublishable(e))
                {
                    activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                    return e;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                    OutboxRelayTelemetry.Stalled(time.GetUtcNow() - since);
                    LogPublishFailed(@event.EventTypeName, @event.Sequence, attempt, backoff, e.Message);
                    await Task.Delay(backoff, time, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
        finally
        {
            OutboxRelayTelemetry.Stalled(TimeSpan.Zero);
        }
    }

    /// <summary>Every message in the error's chain: the serialiser's own says which member failed.</summary>
    private static string ReasonOf(Exception error)
    {
        var reasons = new List<string>();
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            reasons.Add(current.Message);
        }

        return string.Join(" ← ", reasons.Distinct());
    }

    /// <summary>An event that cannot be turned into a message fails the same way every time; RabbitMQ being away does not.</summary>
    public static bool IsUnpublishable(Exception error) =>
        error is System.Runtime.Serialization.SerializationException or System.Text.Json.JsonException or NotSupportedException
        || (error.InnerException is { } inner && IsUnpublishable(inner));

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox relay cannot ever publish {EventType} (sequence {Sequence}): set aside in mt_doc_unpublishableevent, the next events go on")]
    private partial void LogParked(Exception error, string eventType, long sequence);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay could not publish {EventType} (sequence {Sequence}, attempt {Attempt}); retrying in {Backoff}: {Reason}")]
    private partial void LogPublishFailed(string eventType, long sequence, int attempt, TimeSpan backoff, string reason);
}
