using System.Diagnostics;
using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Notification.Messages;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Delivery;

/// <summary>
/// Sends what is queued and due, oldest first; a failure leaves the message queued with a later attempt (doubling waits, capped),
/// so a mail relay or SMS provider that comes back gets everything that waited. One sender per message at a time (advisory lock),
/// so two replicas never send the same message.
/// </summary>
public sealed partial class MessageDispatcher(IDocumentStore store, SmtpMailer mailer, IServiceProvider services, IOptions<NotificationOptions> options,
    TimeProvider time, ILogger<MessageDispatcher> logger) : DeadlineScan(time, logger)
{
    private static readonly ActivitySource Source = new("OrderPlatform.Notification");
    private readonly TimeProvider time = time;
    private readonly ILogger<MessageDispatcher> logger = logger;

    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override string What => "messages sent";

    private const int Batch = 100;

    /// <summary>A tick sends everything due, a hundred at a time (a sales day's backlog drains at the relay's pace, not 100 per tick).</summary>
    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var tried = new HashSet<string>();
        while (true)
        {
            IReadOnlyList<string> due;
            await using (var query = store.QuerySession())
            {
                due = await query.Query<QueuedMessage>().Where(queued => queued.NextAttemptAt <= now).OrderBy(queued => queued.NextAttemptAt)
                    .Select(queued => queued.Id).Take(Batch).ToListAsync(cancellationToken);
            }

            // A message that failed waits for a later tick; one another sender holds is left to it.
            var fresh = due.Where(tried.Add).ToList();
            foreach (var id in fresh)
            {
                sent += await SendAsync(id, cancellationToken) ? 1 : 0;
            }

            if (due.Count < Batch || fresh.Count == 0)
            {
                return sent;
            }
        }
    }

    /// <summary>The lock its sender holds while a message is sent and its outcome recorded.</summary>
    public static string LockKey(string messageId) => "notify:" + messageId;

    private async Task<bool> SendAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, [LockKey(id)], cancellationToken);
        if (await session.LoadAsync<QueuedMessage>(id, cancellationToken) is not { } queued)
        {
            return false; // another sender took it meanwhile
        }

        var log = await session.LoadAsync<NotificationLogEntry>(id, cancellationToken);
        var now = time.GetUtcNow();
        using var activity = Source.StartActivity($"send {queued.Message.Template}", ActivityKind.Producer);
        activity?.SetTag("notification.template", queued.Message.Template);
        activity?.SetTag("notification.channel", queued.Message.Channel);
        var sent = false;
        try
        {
            if (queued.Message.Channel == OutgoingMessage.Sms)
            {
                await services.GetRequiredService<SmsSender>().SendAsync(queued.Message, cancellationToken);
            }
            else
            {
                await mailer.SendAsync(id, WithResetToken(queued.Message), cancellationToken);
            }

            session.Delete<QueuedMessage>(id);
            log = log is null ? null : log with { Status = NotificationLogEntry.Sent, SentAt = now, Attempts = queued.Attempts + 1, LastError = null };
            sent = true;
        }
        catch (UndeliverableException e)
        {
            session.Delete<QueuedMessage>(id);
            log = log is null ? null : log with { Status = NotificationLogEntry.Failed, Attempts = queued.Attempts + 1, LastError = e.Message };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong, this message waits its turn again: one bad message never holds up the others.
            var attempts = queued.Attempts + 1;
            var wait = TimeSpan.FromTicks(Math.Min(options.Value.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)), options.Value.MaxRetryDelay.Ticks));
            session.Store(queued with { Attempts = attempts, NextAttemptAt = now + wait });
            log = log is null ? null : log with { Status = NotificationLogEntry.Retrying, Attempts = attempts, LastError = e.Message };
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogRetry(queued.Message.Template, queued.Message.Channel, attempts, wait, e.Message);
        }

        if (log is not null)
        {
            session.Store(log);
        }

        await session.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>The message as it leaves: a reset link gets its token now, in memory only.</summary>
    private OutgoingMessage WithResetToken(OutgoingMessage message)
    {
        if (message.ResetId is not { } resetId)
        {
            return message;
        }

        var links = services.GetRequiredService<PasswordResetLinks>();
        return message with { Text = links.Fill(message.Text, resetId), Html = message.Html is null ? null : links.Fill(message.Html, resetId) };
    }

    [LoggerMessage(LogLevel.Warning, "{Template} by {Channel} not sent (attempt {Attempts}); next try in {Wait}: {Reason}")]
    private partial void LogRetry(string template, string channel, int attempts, TimeSpan wait, string reason);
}
