using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Messages put on the broker directly, as a misbehaving publisher would.</summary>
public static class Broker
{
    /// <summary>
    /// Publishes, as MassTransit would, an OrderShipped for an order nobody knows, marked as early since two days: its consumers park
    /// it, see it has waited past any give-up time, and give it up to their <c>_error</c> queue at once (and again when moved back).
    /// </summary>
    public static async Task PoisonAsync(PlatformFixture platform, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var management = await platform.BrokerManagementAsync();
        var envelope = JsonSerializer.Serialize(new
        {
            messageId = Guid.NewGuid(), messageType = new[] { "urn:message:OrderPlatform.Contracts:OrderShipped" },
            message = new { orderId, shipmentId = Guid.NewGuid(), lines = Array.Empty<object>(), shippedAt = DateTimeOffset.UtcNow },
            sentTime = DateTimeOffset.UtcNow,
            headers = new Dictionary<string, string>
            {
                ["OrderPlatform-Early-Since"] = DateTimeOffset.UtcNow.AddDays(-2).ToString("O", CultureInfo.InvariantCulture),
            },
        });
        using var published = await management.PostAsJsonAsync("exchanges/%2F/OrderPlatform.Contracts:OrderShipped/publish", new
        {
            properties = new { content_type = "application/vnd.masstransit+json", message_id = Guid.NewGuid().ToString() },
            routing_key = "", payload = envelope, payload_encoding = "string",
        });
        published.EnsureSuccessStatusCode();
    }
}
