using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>The notification log for operations: what was sent, when, through what, with what outcome (never the bodies).</summary>
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
            .WithSummary("The messages sent (or waiting to be) about an order");
        notifications.MapGet("/customers/{customerId:guid}", async Task<Ok<IReadOnlyList<NotificationLogEntry>>> (
                Guid customerId, IQuerySession session, CancellationToken cancellationToken) =>
                TypedResults.Ok(await session.Query<NotificationLogEntry>()
                    .Where(entry => entry.CustomerId == customerId)
                    .OrderByDescending(entry => entry.RecordedAt)
                    .Take(500)
                    .ToListAsync(cancellationToken)))
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetCustomerNotifications")
            .WithSummary("Everything sent to a customer, newest first: template, channel, when, outcome, attempts");
        return notifications;
    }
}
