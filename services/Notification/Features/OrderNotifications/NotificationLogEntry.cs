namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>
/// One message due to a customer for one event of their order, at most one per event and template.
/// The walking skeleton records the entry; sending e-mail and SMS comes with the Notification issue.
/// </summary>
public sealed record NotificationLogEntry(string Id, Guid OrderId, string OrderNumber, string Template, string Status, DateTimeOffset RecordedAt)
{
    public const string OrderReceived = "order-received";
    public const string Pending = "pending";

    public static string IdFor(Guid orderId, string template) => $"{orderId:N}/{template}";
}
