using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>
/// Events appended with a state change are published after commit, at least once, even when RabbitMQ
/// is down at the time. This class stops and starts a broker of its own, so the others never notice.
/// </summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private LocalInfrastructure broker = null!;
    private TestService service = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        broker = await LocalInfrastructure.StartOwnRabbitMqAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("outbox")),
            (await broker.RabbitMqAsync()).ToString(),
            bus => bus.AddConsumer<OrderPlacedRecorder>(),
            OrderPlacedRecorder.Storage);
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await broker.DisposeAsync();
    }

    [Fact]
    public async Task An_appended_event_is_published_after_commit_with_the_event_id_as_message_id()
    {
        var order = await AppendOrderPlacedAsync();

        var recorded = await Eventually.GetAsync(() => RecordedAsync(order.OrderId), Patience, "the relayed OrderPlaced to be consumed");
        Assert.Equal(1, recorded.TimesHandled);
    }

    [Fact]
    public async Task An_event_appended_while_RabbitMQ_is_down_is_delivered_when_it_is_back()
    {
        await broker.StopRabbitMqAsync();
        var health = service.Services.GetRequiredService<HealthCheckService>();
        await Eventually.TrueAsync(async () => (await health.CheckHealthAsync()).Status != HealthStatus.Healthy, Patience,
            "the service to report not ready while RabbitMQ is down");

        var order = await AppendOrderPlacedAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the relay tries, fails and waits
        Assert.Null(await RecordedAsync(order.OrderId));

        await broker.RestartRabbitMqAsync();

        // A RabbitMQ node takes a while to start on a busy machine, and the relay's backoff may be at its 15 s ceiling.
        var recorded = await Eventually.GetAsync(() => RecordedAsync(order.OrderId), 2 * Patience, "the OrderPlaced appended during the outage");
        Assert.Equal(1, recorded.TimesHandled);
        await Eventually.TrueAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy, Patience,
            "the service to be ready again");
    }

    [Fact]
    public async Task A_relay_the_daemon_stopped_after_an_error_is_started_again_and_the_next_events_go_out()
    {
        var first = await AppendOrderPlacedAsync();
        await Eventually.GetAsync(() => RecordedAsync(first.OrderId), Patience, "the first OrderPlaced");
        // What a PostgreSQL restart leaves behind: the relay's recorded progress is not where the daemon believes it is, so its
        // next commit fails with "progression out of order" and the daemon stops the relay.
        await using (var command = service.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
                         "update mt_event_progression set last_seq_id = last_seq_id - 1 where name = @name"))
        {
            command.Parameters.AddWithValue("name", OutboxRelayWatchdog.ShardName);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var second = await AppendOrderPlacedAsync();
        await Eventually.GetAsync(() => RecordedAsync(second.OrderId), Patience, "the second OrderPlaced (published before the failed commit)");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var third = await AppendOrderPlacedAsync();

        var recorded = await Eventually.GetAsync(() => RecordedAsync(third.OrderId), Patience, "an OrderPlaced appended after the relay was stopped");
        Assert.Equal(1, recorded.TimesHandled);
        Assert.Equal(1, (await RecordedAsync(first.OrderId))!.TimesHandled); // published again from the recorded progress: the inbox drops it
    }

    private Task<OrderPlaced> AppendOrderPlacedAsync() => OrderPlacedRecorder.AppendOrderPlacedAsync(service.Services.GetRequiredService<IDocumentStore>());

    private async Task<RecordedOrder?> RecordedAsync(Guid orderId)
    {
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<RecordedOrder>(orderId);
    }
}
