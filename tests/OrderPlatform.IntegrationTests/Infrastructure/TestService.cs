using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A service host as every OrderPlatform service builds it (the event store with its outbox relay, the
/// bus with its inbox consumers), on a test class's own database and virtual host.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private const string ApplicationName = "OrderPlatform.Testservice";

    private TestService(IHost host) => Host = host;

    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;

    /// <summary>
    /// A service on a new database and virtual host named after <paramref name="name"/>, started, its bus healthy: what a test class of
    /// consumers needs before it publishes.
    /// </summary>
    public static async Task<TestService> StartConsumingAsync(string name, Action<IBusRegistrationConfigurator> consumers, Action<Marten.StoreOptions> store,
        Action<IServiceCollection>? services = null)
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        var service = await StartAsync(await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName(name)),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName(name)), consumers, store, services);
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return service;
    }

    public static async Task<TestService> StartAsync(string database, string messaging, Action<IBusRegistrationConfigurator> consumers,
        Action<Marten.StoreOptions>? store = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = ApplicationName,
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testservicedb"] = database,
            ["ConnectionStrings:messaging"] = messaging,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        services?.Invoke(builder.Services);
        builder.AddEventStore(store);
        builder.AddMessaging(consumers);

        var host = builder.Build();
        await SchemaMigration.ApplyAsync(host.Services); // as the AppHost's migrate step does before a service starts
        await host.StartAsync();
        return new TestService(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
