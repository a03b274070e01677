using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Features.OrderNotifications;

public static class NotificationLogEndpoints
{
    public static RouteGroupBuilder MapNotificationLog(this RouteGroupBuilder notifications)
    {
        notifications.MapGet("/orders/{orderId:guid}", async Task<Ok<IReadOnlyList<NotificationLogEntry>>> (
                Guid orderId, IQuerySession session, CancellationToken cancellationToken) =>
                TypedResults.Ok(await session.Query<NotificationLogEntry>()
                    .Where(entry => entry.OrderId == orderId)
                    .OrderBy(entry => entry.RecordedAt)
                    .ToListAsync(cancellationToken)))
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetOrderNotifications")
            .WithSummary("The messages due to the customer for an order");
        return notifications;
    }
}
