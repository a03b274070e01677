using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.BackOffice.Features.Queues;

/// <summary>Where RabbitMQ's management API answers (<c>BackOffice:Broker:Management</c>; the AppHost sets it from the broker's endpoint).</summary>
public sealed class BrokerOptions
{
    [Required]
    public Uri? Management { get; set; }
}
