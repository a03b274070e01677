using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Messaging;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>
/// On a RabbitMQ cluster (deploy/: three nodes) a service's queues are quorum queues, replicated over the nodes, when
/// Messaging:QuorumQueues says so; the consumers behave as on a single node's classic queues.
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string virtualHost = TestInfrastructure.UniqueName("quorum");
    private TestInfrastructure infrastructure = null!;
    private TestService service = null!;

    public async Task InitializeAsync()
    {
        infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("quorum")),
            await infrastructure.CreateVirtualHostAsync(virtualHost),
            bus => bus.AddConsumer<OrderPlacedRecorder>(),
            OrderPlacedRecorder.Storage,
            settings: new Dictionary<string, string?> { [MessagingExtensions.QuorumQueuesSetting] = "true" });
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task With_quorum_queues_configured_the_consumers_queue_is_a_quorum_queue_and_messages_flow_through_it()
    {
        var consumed = new ConsumedMessages<OrderPlaced>();
        var bus = service.Services.GetRequiredService<IBusControl>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);

        using var management = infrastructure.ManagementClient();
        var queue = await management.GetFromJsonAsync<JsonElement>(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}/testservice-order-placed-recorder",
            UriKind.Relative));
        Assert.Equal("quorum", queue.GetProperty("type").GetString());

        // The relay publishes to it and the consumer takes it from it as from a classic queue.
        var order = await OrderPlacedRecorder.AppendOrderPlacedAsync(service.Services.GetRequiredService<IDocumentStore>());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 1), Patience, "the order placed to be consumed");
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, (await session.LoadAsync<RecordedOrder>(order.OrderId))?.TimesHandled);
    }
}
