using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;

namespace OrderPlatform.ServiceDefaults.Persistence;

/// <summary>
/// The outbox relay: a Marten subscription that publishes every integration event a transaction
/// appended, after commit, in order, at least once. When RabbitMQ does not answer it waits and tries
/// again without moving on, so nothing is skipped; the event's id is the message id, so consumers'
/// inboxes drop the copies a retry may produce.
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
        foreach (var @event in page.Events)
        {
            if (@event.Data is IIntegrationEvent)
            {
                await PublishUntilAcceptedAsync(@event, cancellationToken);
            }
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishUntilAcceptedAsync(IEvent @event, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            using var activity = OutboxRelayTelemetry.StartPublish(@event);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                await bus.Publish(@event.Data, @event.EventType, context => context.MessageId = @event.Id, timeout.Token);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                LogPublishFailed(@event.EventTypeName, @event.Sequence, attempt, backoff, e.Message);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox relay could not publish {EventType} (sequence {Sequence}, attempt {Attempt}); retrying in {Backoff}: {Reason}")]
    private partial void LogPublishFailed(string eventType, long sequence, int attempt, TimeSpan backoff, string reason);
}
