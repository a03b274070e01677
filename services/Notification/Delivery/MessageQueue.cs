using Marten;
using OrderPlatform.Notification.Messages;

namespace OrderPlatform.Notification.Delivery;

/// <summary>
/// A message waiting to leave: kept until the SMTP server or SMS provider takes it, then deleted (its body, with any link or
/// token in it, is not kept: the log keeps what was sent, when, how, and the outcome).
/// </summary>
public sealed record QueuedMessage(string Id, OutgoingMessage Message, DateTimeOffset QueuedAt, DateTimeOffset NextAttemptAt, int Attempts = 0);

/// <summary>What the notification log shows operations: one line per message, without its body.</summary>
public sealed record NotificationLogEntry(string Id, Guid? CustomerId, Guid? OrderId, string? OrderNumber, string Template, string Channel, string Recipient,
    string Subject, string Status, DateTimeOffset RecordedAt, DateTimeOffset? SentAt = null, int Attempts = 0, string? LastError = null)
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Retrying = "retrying";
    /// <summary>Never deliverable (no valid address): dropped, not retried.</summary>
    public const string Failed = "failed";
}

public static class MessageQueue
{
    /// <summary>
    /// Queues each message in the consumer's transaction unless its key was queued before: a redelivered or republished event
    /// sends nothing new [ALL-04]. Transactional messages go whatever the marketing consents say; marketing ones were filtered before.
    /// </summary>
    public static async Task EnqueueAsync(IDocumentSession session, IEnumerable<OutgoingMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            var id = $"{message.Key}/{message.Channel}";
            if (await session.LoadAsync<NotificationLogEntry>(id, cancellationToken) is not null)
            {
                continue;
            }

            session.Store(new QueuedMessage(id, message, now, now));
            session.Store(new NotificationLogEntry(id, message.CustomerId, message.OrderId, message.OrderNumber, message.Template, message.Channel,
                message.To, message.Subject, NotificationLogEntry.Queued, now));
        }
    }

    public static Task EnqueueAsync(IDocumentSession session, OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        EnqueueAsync(session, [message], now, cancellationToken);
}
