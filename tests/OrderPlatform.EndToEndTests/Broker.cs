using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Messages put on the broker directly, as a misbehaving publisher would.</summary>
public static class Broker
{
    /// <summary>Publishes, as MassTransit would, an OrderShipped for an order nobody knows.</summary>
    public static async Task PoisonAsync(PlatformFixture platform, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var management = await platform.BrokerManagementAsync();
        var envelope = JsonSerializer.Serialize(new
        {
            messageId = Guid.NewGuid(), messageType = new[] { "urn:message:OrderPlatform.Contracts:OrderShipped" },
            message = new { orderId, shipmentId = Guid.NewGuid(), lines = Array.Empty<object>(), shippedAt = DateTimeOffset.UtcNow },
            sentTime = DateTimeOffset.UtcNow,
        });
        using var published = await management.PostAsJsonAsync("exchanges/%2F/OrderPlatform.Contracts:OrderShipped/publish", new
        {
            properties = new { content_type = "application/vnd.masstransit+json", message_id = Guid.NewGuid().ToString() },
            routing_key = "", payload = envelope, payload_encoding = "string",
        });
        published.EnsureSuccessStatusCode();
    }
}
