using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>Consumers are idempotent: the inbox row and the state change commit together.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestService service = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("inbox")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("inbox")),
            bus => bus.AddConsumer<OrderPlacedRecorder>(),
            OrderPlacedRecorder.Storage);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_message_delivered_twice_changes_state_once()
    {
        var consumed = new ConsumedMessages<OrderPlaced>();
        var bus = service.Services.GetRequiredService<IBusControl>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);

        var order = NewOrder();
        var messageId = NewId.NextGuid();
        await bus.Publish(order, context => context.MessageId = messageId);
        await bus.Publish(order, context => context.MessageId = messageId);

        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience, "both deliveries to be consumed");
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, (await session.LoadAsync<RecordedOrder>(order.OrderId))?.TimesHandled);
        Assert.Equal(1, await session.Query<ProcessedMessage>().CountAsync(row => row.Id.EndsWith(messageId.ToString("N"))));
    }

    [Fact]
    public async Task Two_messages_about_the_same_order_are_two_state_changes()
    {
        var consumed = new ConsumedMessages<OrderPlaced>();
        var bus = service.Services.GetRequiredService<IBusControl>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);

        var order = NewOrder();
        await bus.Publish(order);
        await bus.Publish(order);

        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience, "both messages to be consumed");
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(2, (await session.LoadAsync<RecordedOrder>(order.OrderId))?.TimesHandled);
    }

    private static OrderPlaced NewOrder() =>
        new(Guid.NewGuid(), "CMD-TEST", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow);
}
