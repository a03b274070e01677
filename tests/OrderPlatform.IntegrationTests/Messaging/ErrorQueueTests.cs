using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>A message its consumer cannot handle is retried a bounded number of times, then kept in the _error queue.</summary>
public sealed class ErrorQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TestInfrastructure infrastructure = null!;
    private TestService service = null!;
    private string virtualHost = "";

    public async Task InitializeAsync()
    {
        infrastructure = await TestInfrastructure.GetAsync();
        virtualHost = TestInfrastructure.UniqueName("errors");
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("errors")),
            await infrastructure.CreateVirtualHostAsync(virtualHost),
            bus => bus.AddConsumer<FailingConsumer>());
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_moved_to_the_error_queue()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);

        await bus.Publish(new OrderPlaced(Guid.NewGuid(), "CMD-TEST", Guid.NewGuid(), [new OrderedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => await MessagesInAsync("testservice-failing_error") == 1, Patience,
            "the failed message to reach testservice-failing_error");
        Assert.Equal(6, FailingConsumer.Attempts); // the first delivery and five retries
    }

    private async Task<long> MessagesInAsync(string queue)
    {
        using var management = infrastructure.ManagementClient();
        using var response = await management.GetAsync(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}/{queue}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    public sealed class FailingConsumer : IConsumer<OrderPlaced>
    {
        private static int attempts;

        public static int Attempts => Volatile.Read(ref attempts);

        public Task Consume(ConsumeContext<OrderPlaced> context)
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("The stock could not be read.");
        }
    }
}
