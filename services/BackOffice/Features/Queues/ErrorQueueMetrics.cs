using System.Diagnostics.Metrics;

namespace OrderPlatform.BackOffice.Features.Queues;

/// <summary>
/// How many messages wait in each <c>_error</c> queue, as a metric an alert can watch (any above zero is a message a consumer
/// gave up on); measured whenever the queues are listed.
/// </summary>
internal static class ErrorQueueMetrics
{
    private static readonly Meter Meter = new("OrderPlatform.BackOffice");
    private static volatile IReadOnlyList<QueueView> last = [];

    static ErrorQueueMetrics() =>
        Meter.CreateObservableGauge("orderplatform.messages.error_queued", () => last.Where(queue => queue.ErrorQueue)
                .Select(queue => new Measurement<long>(queue.Messages, new KeyValuePair<string, object?>("messaging.destination.name", queue.Name))),
            description: "Messages a consumer gave up on, per _error queue");

    public static void Seen(IReadOnlyList<QueueView> queues) => last = queues;
}
