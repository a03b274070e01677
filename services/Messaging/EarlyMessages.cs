using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderPlatform.Messaging;

/// <summary>
/// Messages that arrived before what they depend on: parked in the service's own database and sent again to their queue later,
/// waiting longer each time, so a backlog on one queue never loses what another queue brings (RabbitMQ here has no delayed-message
/// plugin, and the database is durable where an in-process retry is not).
/// </summary>
public static class EarlyMessages
{
    public const string MeterName = "OrderPlatform.Messaging";
    public const string AttemptsHeader = "OrderPlatform-Early-Attempts";
    public const string FirstParkedHeader = "OrderPlatform-Early-Since";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("orderplatform.messages.parked", description: "Messages parked because they arrived early");
    private static readonly Counter<long> GivenUp = Meter.CreateCounter<long>("orderplatform.messages.early_given_up",
        description: "Messages still early past the give-up time, sent to _error");

    static EarlyMessages() =>
        Meter.CreateObservableGauge("orderplatform.messages.parked_waiting", () => Volatile.Read(ref waiting),
            description: "Parked messages waiting for their next delivery");

    private static int waiting;

    internal static int Waiting { set => Volatile.Write(ref waiting, value); }

    internal static Counter<long> Redelivered { get; } = Meter.CreateCounter<long>("orderplatform.messages.redelivered",
        description: "Parked messages sent again to their queue");

    /// <summary>
    /// When the message, early for the <paramref name="attempts"/>-th time and first parked at <paramref name="firstParkedAt"/>, is
    /// delivered again; null once it has waited past the give-up time.
    /// </summary>
    public static DateTimeOffset? NextDelivery(int attempts, DateTimeOffset firstParkedAt, DateTimeOffset now, EarlyMessageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return now - firstParkedAt >= options.GiveUpAfter ? null : now + options.DelayAfter(attempts);
    }

    /// <summary>Parks the message, or throws <paramref name="early"/> again when it has waited long enough (it then ends in <c>_error</c>).</summary>
    internal static async Task ParkAsync<TMessage>(ConsumeContext<TMessage> context, string consumer, MessageArrivedEarlyException early, IDocumentStore store,
        DateTimeOffset now) where TMessage : class
    {
        var options = context.TryGetPayload(out IServiceProvider? services)
            ? services.GetRequiredService<IOptions<EarlyMessageOptions>>().Value
            : new EarlyMessageOptions();
        var attempts = (context.Headers.Get<int>(AttemptsHeader) ?? 0) + 1;
        var firstParkedAt = DateTimeOffset.TryParse(context.Headers.Get<string>(FirstParkedHeader), CultureInfo.InvariantCulture, DateTimeStyles.None, out var since)
            ? since
            : now;
        if (NextDelivery(attempts, firstParkedAt, now, options) is not { } due)
        {
            GivenUp.Add(1, new KeyValuePair<string, object?>("messaging.message.type", typeof(TMessage).Name));
            throw early;
        }

        var messageId = context.MessageId!.Value;
        await using var session = store.LightweightSession();
        // The id names this delivery: a delivery RabbitMQ hands over twice is parked once, as the first copy parked it (a later copy
        // would otherwise move its first-parked time, and with it when it is given up).
        session.Insert(new ParkedMessage($"{consumer}/{messageId:N}/{attempts}", messageId, QueueOf(context.ReceiveContext.InputAddress),
            typeof(TMessage).AssemblyQualifiedName!, JsonSerializer.Serialize(context.Message, JsonSerializerOptions.Web), early.WaitingFor, attempts,
            firstParkedAt, due));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return;
        }

        Parked.Add(1, new KeyValuePair<string, object?>("messaging.message.type", typeof(TMessage).Name));
    }

    /// <summary>The queue a message came from: the last segment of its input address (rabbitmq://host/vhost/queue).</summary>
    public static string QueueOf(Uri inputAddress)
    {
        ArgumentNullException.ThrowIfNull(inputAddress);
        return inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
    }
}
