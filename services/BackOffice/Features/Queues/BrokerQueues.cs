using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderPlatform.Messaging;

namespace OrderPlatform.BackOffice.Features.Queues;

/// <summary>
/// RabbitMQ's queues through its management API: the list, a peek at a queue's first messages
/// (put back), and moving an <c>_error</c> queue's messages back to their queue with a shovel, RabbitMQ's
/// own tool for it (each message is confirmed at its destination before it leaves the error queue).
/// </summary>
public sealed class BrokerQueues(HttpClient http)
{
    public const string ErrorSuffix = "_error";

    public static void Configure(IServiceProvider services, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = services.GetRequiredService<IOptions<BrokerOptions>>().Value;
        var broker = BrokerAddress.Parse(services.GetRequiredService<IConfiguration>().GetConnectionString("messaging")
                                         ?? throw new InvalidOperationException("ConnectionStrings:messaging is required."));
        http.BaseAddress = new Uri(options.Management!, "/api/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.UserName}:{broker.Password}")));
    }

    public async Task<IReadOnlyList<QueueView>> ListAsync(CancellationToken cancellationToken)
    {
        var queues = await http.GetFromJsonAsync<JsonElement>("queues", cancellationToken);
        var views = queues.EnumerateArray().Select(queue => new QueueView(
                queue.GetProperty("vhost").GetString()!, queue.GetProperty("name").GetString()!, Number(queue, "messages"), Number(queue, "messages_ready"),
                Number(queue, "messages_unacknowledged"), (int)Number(queue, "consumers"), Rate(queue, "publish_details"), Rate(queue, "deliver_get_details"),
                queue.GetProperty("name").GetString()!.EndsWith(ErrorSuffix, StringComparison.Ordinal)))
            .OrderByDescending(queue => queue.ErrorQueue && queue.Messages > 0).ThenBy(queue => queue.VirtualHost, StringComparer.Ordinal)
            .ThenBy(queue => queue.Name, StringComparer.Ordinal).ToList();
        ErrorQueueMetrics.Seen(views); // the readiness probe lists the queues every few seconds: the metric stays fresh
        return views;
    }

    /// <summary>The queue, or null when the broker has no such queue.</summary>
    public async Task<QueueView?> FindAsync(string virtualHost, string queue, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(found => found.VirtualHost == virtualHost && found.Name == queue);

    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(string virtualHost, string queue, int count, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 4000 }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return messages.EnumerateArray().Select(message =>
        {
            // RabbitMQ sends "properties": [] when a message has none.
            var headers = message.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                          && properties.TryGetProperty("headers", out var h) ? h : default;
            return new PeekedMessage(Header(headers, "MT-Fault-MessageType") ?? Header(headers, "MT-MessageType"), Header(headers, "MT-Fault-Message"),
                DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), System.Globalization.CultureInfo.InvariantCulture, out var faulted) ? faulted : null,
                message.TryGetProperty("payload", out var payload) ? payload.ToString() : "",
                message.TryGetProperty("redelivered", out var redelivered) && redelivered.ValueKind == JsonValueKind.True);
        }).ToList();
    }

    /// <summary>
    /// A shovel that moves the messages the error queue holds now to the queue they failed in, then
    /// deletes itself; a message leaves the error queue only once its destination confirmed it.
    /// </summary>
    public async Task<Redrive> RedriveAsync(QueueView errorQueue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorQueue);
        var target = errorQueue.Name[..^ErrorSuffix.Length];
        var shovel = $"redrive-{target}-{Guid.NewGuid():N}"[..Math.Min(target.Length + 17, 200)];
        // amqp:// with no host is the node itself; the virtual host is the URI's path.
        var local = errorQueue.VirtualHost == "/" ? "amqp://" : $"amqp:///{Uri.EscapeDataString(errorQueue.VirtualHost)}";
        using var response = await http.PutAsJsonAsync($"parameters/shovel/{Uri.EscapeDataString(errorQueue.VirtualHost)}/{Uri.EscapeDataString(shovel)}", new
        {
            value = new Dictionary<string, object>
            {
                ["src-protocol"] = "amqp091", ["src-uri"] = local, ["src-queue"] = errorQueue.Name, ["src-delete-after"] = "queue-length",
                ["dest-protocol"] = "amqp091", ["dest-uri"] = local, ["dest-queue"] = target, ["ack-mode"] = "on-confirm",
            },
        }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new HttpRequestException($"RabbitMQ refused the shovel ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return new Redrive(errorQueue.VirtualHost, errorQueue.Name, target, errorQueue.Messages, shovel);
    }

    private static long Number(JsonElement queue, string name) => queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(details, out var rate) && rate.TryGetProperty("rate", out var value)
            ? value.GetDouble() : 0;

    private static string? Header(JsonElement headers, string name) =>
        headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var value) ? value.ToString() : null;
}
