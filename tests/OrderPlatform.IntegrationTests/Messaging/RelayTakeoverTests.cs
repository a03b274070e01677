using System.Diagnostics;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>
/// Two copies of one service on one database and one virtual host, as with several replicas: only one relays the outbox (each event
/// goes out once, not once per copy), and when that copy ends the other takes the relay over within seconds.
/// </summary>
public sealed class RelayTakeoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConsumedMessages<OrderPlaced> consumed = new();
    private TestService? first;
    private TestService? second;
    private string database = "";
    private string messaging = "";

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        database = await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("takeover"));
        messaging = await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("takeover"));
        first = await StartCopyAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var copy in new[] { first, second }.OfType<TestService>())
        {
            await copy.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_two_copies_each_event_is_relayed_once_and_when_the_relaying_copy_ends_the_other_relays_within_seconds()
    {
        // The first copy holds the relay (it was alone when it started); the second starts cold.
        var before = await AppendOrderPlacedAsync(first!);
        await Eventually.GetAsync(() => RecordedAsync(before.OrderId), Patience, "the first copy's relay to publish");
        second = await StartCopyAsync();
        var orders = new List<OrderPlaced>();
        for (var i = 0; i < 10; i++)
        {
            orders.Add(await AppendOrderPlacedAsync(i % 2 == 0 ? first! : second));
        }

        await Eventually.TrueAsync(async () => (await Task.WhenAll(orders.Select(order => RecordedAsync(order.OrderId)))).All(recorded => recorded is not null),
            Patience, "every event appended by either copy to be published");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second relay, were there one, would have published them again by now
        Assert.Equal(11, consumed.Count);

        await first!.DisposeAsync(); // the relaying copy ends
        first = null;
        var clock = Stopwatch.StartNew();
        var after = await AppendOrderPlacedAsync(second);
        var recorded = await Eventually.GetAsync(() => RecordedAsync(after.OrderId), Patience, "the second copy to take the relay over");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"taken over after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, recorded.TimesHandled);
        Assert.All(await Task.WhenAll(orders.Select(order => RecordedAsync(order.OrderId))), order => Assert.Equal(1, order!.TimesHandled));
    }

    private async Task<TestService> StartCopyAsync()
    {
        var copy = await TestService.StartAsync(database, messaging, bus => bus.AddConsumer<OrderPlacedRecorder>(), OrderPlacedRecorder.Storage);
        var bus = copy.Services.GetRequiredService<IBusControl>();
        bus.ConnectConsumeObserver(consumed);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return copy;
    }

    private static Task<OrderPlaced> AppendOrderPlacedAsync(TestService copy) =>
        OrderPlacedRecorder.AppendOrderPlacedAsync(copy.Services.GetRequiredService<IDocumentStore>());

    private async Task<RecordedOrder?> RecordedAsync(Guid orderId)
    {
        await using var session = (second ?? first)!.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<RecordedOrder>(orderId);
    }
}
