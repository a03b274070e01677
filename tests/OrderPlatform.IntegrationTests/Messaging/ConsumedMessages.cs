using MassTransit;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>Counts the messages of type <typeparamref name="T"/> a bus finished consuming, handled or skipped.</summary>
public sealed class ConsumedMessages<T> : IConsumeObserver where T : class
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T)
        {
            Interlocked.Increment(ref count);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
}
