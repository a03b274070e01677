using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.Hosting.Infrastructure;

namespace OrderPlatform.Hosting.Dashboard;

/// <summary>A queue as operations watch it: depth, consumers, rates; <c>_error</c> queues hold what consumers gave up on.</summary>
internal sealed record QueueView(string VirtualHost, string Name, long Messages, long Ready, long Unacknowledged, int Consumers, double PublishRate,
    double DeliverRate, bool ErrorQueue);

/// <summary>A message peeked at in a queue (put back where it was).</summary>
internal sealed record PeekedMessage(string? MessageType, string? Exception, string Payload, bool Redelivered);

/// <summary>RabbitMQ's queues through its management API, and a peek at a queue's first messages without taking them.</summary>
internal static class BrokerQueues
{
    public static async Task<IReadOnlyList<QueueView>> ListAsync(RabbitMqServer broker, CancellationToken cancellationToken)
    {
        using var management = broker.ManagementClient();
        var queues = await management.GetFromJsonAsync<JsonElement>("api/queues", cancellationToken);
        return queues.EnumerateArray().Select(queue => new QueueView(
                queue.GetProperty("vhost").GetString()!, queue.GetProperty("name").GetString()!, Number(queue, "messages"), Number(queue, "messages_ready"),
                Number(queue, "messages_unacknowledged"), (int)Number(queue, "consumers"), Rate(queue, "publish_details"), Rate(queue, "deliver_get_details"),
                queue.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal)))
            .OrderByDescending(queue => queue.ErrorQueue && queue.Messages > 0).ThenBy(queue => queue.VirtualHost, StringComparer.Ordinal)
            .ThenBy(queue => queue.Name, StringComparer.Ordinal).ToList();
    }

    public static async Task<IReadOnlyList<PeekedMessage>> PeekAsync(RabbitMqServer broker, string virtualHost, string queue, CancellationToken cancellationToken)
    {
        using var management = broker.ManagementClient();
        using var response = await management.PostAsJsonAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new { count = 5, ackmode = "ack_requeue_true", encoding = "auto", truncate = 4000 }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return messages.EnumerateArray().Select(message =>
        {
            // RabbitMQ sends "properties": [] when a message has none.
            var headers = message.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                          && properties.TryGetProperty("headers", out var h) ? h : default;
            return new PeekedMessage(Header(headers, "MT-Fault-MessageType") ?? Header(headers, "MT-MessageType"), Header(headers, "MT-Fault-Message"),
                message.TryGetProperty("payload", out var payload) ? payload.ToString() : "",
                message.TryGetProperty("redelivered", out var redelivered) && redelivered.ValueKind == JsonValueKind.True);
        }).ToList();
    }

    private static long Number(JsonElement queue, string name) => queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(details, out var rate) && rate.TryGetProperty("rate", out var value)
            ? value.GetDouble() : 0;

    private static string? Header(JsonElement headers, string name) =>
        headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var value) ? value.ToString() : null;
}
