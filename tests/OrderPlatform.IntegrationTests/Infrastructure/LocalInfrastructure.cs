using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using OrderPlatform.Hosting.LocalServers;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from the machine's binaries, as the AppHost runs them: the same Aspire
/// resources, in a small Aspire application of their own, with throw-away data.
/// </summary>
internal sealed class LocalInfrastructure : IAsyncDisposable
{
    private readonly string stateDirectory;

    private LocalInfrastructure(DistributedApplication app, string stateDirectory)
    {
        App = app;
        this.stateDirectory = stateDirectory;
    }

    public DistributedApplication App { get; }

    /// <summary>A PostgreSQL server and a RabbitMQ broker, both healthy.</summary>
    public static Task<LocalInfrastructure> StartAsync() => StartAsync(withPostgres: true);

    /// <summary>A RabbitMQ broker of its own, for a test that stops and starts it.</summary>
    public static Task<LocalInfrastructure> StartOwnRabbitMqAsync() => StartAsync(withPostgres: false);

    private static async Task<LocalInfrastructure> StartAsync(bool withPostgres)
    {
        var state = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "orderplatform-tests-" + Guid.NewGuid().ToString("N")[..10])).FullName;
        var builder = DistributedApplicationTestingBuilder.Create();
        if (withPostgres)
        {
            builder.AddLocalPostgres("postgres", state, durable: false);
        }

        builder.AddLocalRabbitMQ("messaging", state);
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", timeout.Token);
        if (withPostgres)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        }

        return new LocalInfrastructure(app, state);
    }

    public async Task<string> PostgresAdminAsync() => await App.GetConnectionStringAsync("postgres") + ";Database=postgres";

    public async Task<Uri> RabbitMqAsync() => new(await App.GetConnectionStringAsync("messaging") ?? throw new InvalidOperationException("No broker."));

    public Uri RabbitMqManagement => App.GetEndpoint("messaging", "management");

    public Task StopRabbitMqAsync() => App.ResourceCommands.ExecuteCommandAsync("messaging", KnownResourceCommands.StopCommand);

    public async Task RestartRabbitMqAsync()
    {
        await App.ResourceCommands.ExecuteCommandAsync("messaging", KnownResourceCommands.StartCommand);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("messaging");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is harmless.
        }
    }
}
