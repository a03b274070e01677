using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>An event that can never be published is set aside with its reason, and the events after it still go out.</summary>
public sealed class UnpublishableEventTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("poison")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("poison")),
            bus => bus.AddConsumer<OrderPlacedRecorder>(),
            OrderPlacedRecorder.Storage);
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task An_event_that_cannot_be_serialised_is_set_aside_with_its_reason_and_the_next_event_is_still_published()
    {
        var poison = new CarrierLabelDrawn(Guid.NewGuid());
        var order = new OrderPlaced(Guid.NewGuid(), "CMD-POISON", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(poison.ShipmentId, poison);
            await session.SaveChangesAsync();
        }

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(order.OrderId, order);
            await session.SaveChangesAsync();
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.LoadAsync<RecordedOrder>(order.OrderId) is not null;
        }, Patience, "the event after the poison to be published");
        // The poison is set aside in the relay's batch, committed with its progress: once the batch is through, not before its next event.
        await Eventually.TrueAsync(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.Query<UnpublishableEvent>().AnyAsync();
        }, Patience, "the poison to be set aside");
        await using var reader = Store.QuerySession();
        var setAside = Assert.Single(await reader.Query<UnpublishableEvent>().ToListAsync());
        Assert.Equal(poison.ShipmentId, setAside.StreamId);
        Assert.Equal("carrier_label_drawn", setAside.EventType);
        Assert.Contains("drawing", setAside.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// An event Marten stores but no message serialiser can write: its drawing reads once (when it is stored), then refuses, as a
    /// property of a type the serialiser does not support would.
    /// </summary>
    public sealed record CarrierLabelDrawn(Guid ShipmentId) : IIntegrationEvent
    {
        private static int reads;

        public string Drawing => Interlocked.Increment(ref reads) == 1
            ? "stored"
            : throw new NotSupportedException("The label's drawing cannot be written as a message.");
    }
}
