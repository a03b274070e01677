using MassTransit;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>
/// Counts the messages of type <typeparamref name="T"/> a bus finished consuming, handled or skipped; with <see cref="By{TConsumer}"/>, only
/// those one consumer consumed (a service may have several consumers of the message, each on its own queue).
/// </summary>
public sealed class ConsumedMessages<T> : IConsumeObserver where T : class
{
    private readonly string? queue;
    private int count;

    public ConsumedMessages()
    {
    }

    private ConsumedMessages(string queue) => this.queue = queue;

    public static ConsumedMessages<T> By<TConsumer>() where TConsumer : class, IConsumer =>
        new(KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>());

    public int Count => Volatile.Read(ref count);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T && (queue is null || context.ReceiveContext.InputAddress.AbsolutePath.EndsWith(queue, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref count);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
}
