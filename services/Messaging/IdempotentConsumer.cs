using Marten;
using JasperFx;
using MassTransit;
using Microsoft.Extensions.Logging;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Messaging;

/// <summary>
/// A consumer that changes state at most once per message: it records the message id in the inbox in
/// the same Marten transaction as its state change, and a redelivered message changes nothing. A message that arrived before
/// what it depends on (<see cref="MessageArrivedEarlyException"/>) is parked and delivered again later (<see cref="EarlyMessages"/>).
/// </summary>
public abstract partial class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider time, ILogger logger)
    : IConsumer<TMessage> where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var inboxId = $"{GetType().Name}/{messageId:N}";
        var cancellationToken = context.CancellationToken;

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(inboxId, cancellationToken) is not null)
        {
            LogDuplicate(typeof(TMessage).Name, messageId);
            return;
        }

        try
        {
            await HandleAsync(context.Message, session, cancellationToken);
        }
        catch (MessageArrivedEarlyException early)
        {
            LogEarly(typeof(TMessage).Name, messageId, early.WaitingFor);
            await EarlyMessages.ParkAsync(context, GetType().Name, early, store, time.GetUtcNow());
            return;
        }

        session.Insert(new ProcessedMessage(inboxId, time.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same message was handled concurrently and committed first; this transaction rolled back.
            LogDuplicate(typeof(TMessage).Name, messageId);
        }
    }

    /// <summary>Stage the state change on the session; the base class commits it with the inbox row.</summary>
    protected abstract Task HandleAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} {MessageId} arrived early (waiting for {WaitingFor}); parked")]
    private partial void LogEarly(string messageType, Guid messageId, string waitingFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} {MessageId} was already handled; skipped")]
    private partial void LogDuplicate(string messageType, Guid messageId);
}
