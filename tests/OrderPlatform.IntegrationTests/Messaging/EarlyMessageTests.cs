using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Messaging;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>
/// A message that arrives before the one it depends on is parked in the service's database and delivered again later, however
/// long the other takes, instead of a few seconds of retries and the <c>_error</c> queue for good.
/// </summary>
public sealed class EarlyMessageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ShiftedTime time = new();
    private TestInfrastructure infrastructure = null!;
    private TestService service = null!;
    private string virtualHost = "";

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        infrastructure = await TestInfrastructure.GetAsync();
        virtualHost = TestInfrastructure.UniqueName("early");
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("early")),
            await infrastructure.CreateVirtualHostAsync(virtualHost),
            bus =>
            {
                bus.AddConsumer<OrderRecorder>();
                bus.AddConsumer<DeliveryRecorder>();
            },
            options =>
            {
                options.Schema.For<KnownOrder>();
                options.Schema.For<DeliveredOrder>();
            },
            services: services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.Configure<EarlyMessageOptions>(options => options.ScanInterval = TimeSpan.FromMilliseconds(200));
            });
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_message_delivered_twice_and_minutes_before_the_one_it_depends_on_is_handled_once_when_that_one_comes_ALL_04()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orderId = Guid.NewGuid();

        await bus.PublishTwiceAsync(new ParcelDelivered(orderId, Guid.NewGuid(), DateTimeOffset.UtcNow));
        var first = await ParkedAsync(orderId, attempts: 1);
        Assert.Equal($"order {orderId} to be known here", first.WaitingFor);
        Assert.Equal("testservice-delivery-recorder", first.Queue);

        // Ten minutes on, it has come back and been parked again, waiting longer each time; nothing went to _error.
        for (var minute = 0; minute < 10; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(300);
        }

        var later = await ParkedAsync(orderId, attempts: 3);
        Assert.True(later.DueAt - time.GetUtcNow() > TimeSpan.FromSeconds(1), $"the third wait is longer than the first: due {later.DueAt}");
        Assert.Equal(first.FirstParkedAt, later.FirstParkedAt);

        await bus.Publish(new OrderPlaced(orderId, "CMD-EARLY", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await LoadAsync<KnownOrder>(orderId) is not null, Patience, "the order to be known");
        time.Advance(TimeSpan.FromMinutes(10));

        await Eventually.TrueAsync(async () => await LoadAsync<DeliveredOrder>(orderId) is not null, Patience, "the delivery to be handled");
        await Task.Delay(1000);
        Assert.Equal(1, (await LoadAsync<DeliveredOrder>(orderId))!.TimesHandled);
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<ParkedMessage>().CountAsync(parked => parked.MessageId == first.MessageId));
        Assert.Equal(0, await MessagesInAsync("testservice-delivery-recorder_error"));
    }

    [Fact]
    public async Task A_message_still_early_past_the_give_up_time_goes_to_the_error_queue_at_once_without_retries()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orderId = Guid.NewGuid();

        // Parked two days ago (the give-up time is a day), and back.
        await bus.Publish(new ParcelDelivered(orderId, Guid.NewGuid(), DateTimeOffset.UtcNow), context =>
            context.Headers.Set(EarlyMessages.FirstParkedHeader, time.GetUtcNow().AddDays(-2).ToString("O", CultureInfo.InvariantCulture)));

        await Eventually.TrueAsync(async () => await MessagesInAsync("testservice-delivery-recorder_error") == 1, Patience,
            "the message given up to testservice-delivery-recorder_error");
        // Given up the first time: the retries meant for passing failures would have asked five times more, for nothing.
        Assert.Equal(1, DeliveryRecorder.TimesEarly(orderId));
    }

    [Fact]
    public async Task A_message_that_depends_on_nothing_missing_is_handled_at_once_and_never_parked()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orderId = Guid.NewGuid();

        await bus.Publish(new OrderPlaced(orderId, "CMD-ONTIME", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await LoadAsync<KnownOrder>(orderId) is not null, Patience, "the order to be known");
        await bus.Publish(new ParcelDelivered(orderId, Guid.NewGuid(), DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => await LoadAsync<DeliveredOrder>(orderId) is not null, Patience, "the delivery to be handled");
        await using var session = Store.QuerySession();
        Assert.False(await session.Query<ParkedMessage>().AnyAsync(parked => parked.WaitingFor.Contains(orderId.ToString())));
    }

    private async Task<ParkedMessage> ParkedAsync(Guid orderId, int attempts) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return (await session.Query<ParkedMessage>().Where(parked => parked.Attempts >= attempts).ToListAsync())
                .FirstOrDefault(parked => parked.WaitingFor.Contains(orderId.ToString(), StringComparison.Ordinal));
        }, Patience, $"the delivery to be parked (attempt {attempts})");

    private async Task<T?> LoadAsync<T>(Guid id) where T : notnull
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<T>(id);
    }

    private async Task<long> MessagesInAsync(string queue)
    {
        using var management = infrastructure.ManagementClient();
        using var response = await management.GetAsync(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}/{queue}", UriKind.Relative));
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("messages", out var messages)
            ? messages.GetInt64()
            : 0;
    }

    public sealed record KnownOrder(Guid Id);

    public sealed record DeliveredOrder(Guid Id, int TimesHandled);

    public sealed class OrderRecorder(IDocumentStore store, TimeProvider time, ILogger<OrderRecorder> logger)
        : IdempotentConsumer<OrderPlaced>(store, time, logger)
    {
        protected override Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
        {
            session.Store(new KnownOrder(message.OrderId));
            return Task.CompletedTask;
        }
    }

    public sealed class DeliveryRecorder(IDocumentStore store, TimeProvider time, ILogger<DeliveryRecorder> logger)
        : IdempotentConsumer<ParcelDelivered>(store, time, logger)
    {
        private static readonly ConcurrentDictionary<Guid, int> Early = new();

        public static int TimesEarly(Guid orderId) => Early.GetValueOrDefault(orderId);

        protected override async Task HandleAsync(ParcelDelivered message, IDocumentSession session, CancellationToken cancellationToken)
        {
            if (await session.LoadAsync<KnownOrder>(message.OrderId, cancellationToken) is null)
            {
                Early.AddOrUpdate(message.OrderId, 1, (_, times) => times + 1);
                throw new MessageArrivedEarlyException($"order {message.OrderId} to be known here");
            }

            var delivered = await session.LoadAsync<DeliveredOrder>(message.OrderId, cancellationToken);
            session.Store(new DeliveredOrder(message.OrderId, (delivered?.TimesHandled ?? 0) + 1));
        }
    }

    /// <summary>The clock the service reads, moved forward at will; timers still tick in real time.</summary>
    private sealed class ShiftedTime : TimeProvider
    {
        private long offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
    }
}
