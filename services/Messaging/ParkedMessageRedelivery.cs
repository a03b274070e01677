using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Messaging;

/// <summary>
/// Sends every parked message that is due back to its queue (same message id, its attempt count in a header), then forgets it;
/// a crash between the two sends it twice, which the inbox absorbs. Also prunes inbox rows past their retention.
/// </summary>
public sealed partial class ParkedMessageRedelivery(IDocumentStore store, IBus bus, IOptions<EarlyMessageOptions> options, TimeProvider time,
    ILogger<ParkedMessageRedelivery> logger) : DeadlineScan(time, logger)
{
    private const int Batch = 200;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly ILogger<ParkedMessageRedelivery> logger = logger;
    private DateTimeOffset prunedAt = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override string What => "parked messages sent again";

    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await PruneInboxAsync(now, cancellationToken);
        IReadOnlyList<ParkedMessage> due;
        await using (var query = store.QuerySession())
        {
            EarlyMessages.Waiting = await query.Query<ParkedMessage>().CountAsync(cancellationToken);
            due = await query.Query<ParkedMessage>().Where(parked => parked.DueAt <= now).OrderBy(parked => parked.DueAt).Take(Batch)
                .ToListAsync(cancellationToken);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        await using var session = store.LightweightSession();
        foreach (var parked in due)
        {
            if (Type.GetType(parked.MessageType) is not { } type)
            {
                LogUnknownType(parked.Id, parked.MessageType); // kept for an operator: a deployment that renamed a contract
                continue;
            }

            var message = JsonSerializer.Deserialize(parked.Body, type, JsonSerializerOptions.Web)!;
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{parked.Queue}"));
            await endpoint.Send(message, type, context =>
            {
                context.MessageId = parked.MessageId;
                context.Headers.Set(EarlyMessages.AttemptsHeader, parked.Attempts);
                context.Headers.Set(EarlyMessages.FirstParkedHeader, parked.FirstParkedAt.ToString("O"));
            }, cancellationToken);
            EarlyMessages.Redelivered.Add(1, new KeyValuePair<string, object?>("messaging.message.type", type.Name));
            session.Delete<ParkedMessage>(parked.Id);
        }

        await session.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task PruneInboxAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - prunedAt < PruneEvery)
        {
            return;
        }

        await using var session = store.LightweightSession();
        var before = now - options.Value.InboxRetention;
        session.DeleteWhere<ProcessedMessage>(row => row.ProcessedAt < before);
        await session.SaveChangesAsync(cancellationToken);
        prunedAt = now;
    }

    [LoggerMessage(LogLevel.Error, "Parked message {ParkedId} is of type {MessageType}, which this service no longer has; left parked")]
    private partial void LogUnknownType(string parkedId, string messageType);
}
