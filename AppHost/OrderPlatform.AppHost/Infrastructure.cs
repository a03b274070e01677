using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderPlatform.Hosting.LocalServers;

namespace OrderPlatform.AppHost;

/// <summary>
/// PostgreSQL (one database per service) and RabbitMQ with its management UI: Aspire's container
/// resources where a container engine answers, local processes otherwise. Services get the same
/// <c>ConnectionStrings__*</c> either way.
/// </summary>
internal sealed class Infrastructure
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase;

    private Infrastructure(IResourceBuilder<IResourceWithConnectionString> messaging, EndpointReference messagingManagement,
        Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
    {
        Messaging = messaging;
        MessagingManagement = messagingManagement;
        this.addDatabase = addDatabase;
    }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    /// <summary>RabbitMQ's management UI and API.</summary>
    public EndpointReference MessagingManagement { get; }

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);

    public static Infrastructure Add(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        if (settings.Ephemeral)
        {
            builder.Services.AddHostedService(services => new EphemeralStateCleanup(settings.StateDirectory, services.GetRequiredService<IHostApplicationLifetime>()));
        }

        if (settings.Containers)
        {
            var postgres = builder.AddPostgres("postgres");
            var rabbitMq = builder.AddRabbitMQ("messaging").WithManagementPlugin()
                .WithBindMount(EnabledPluginsFile(settings), "/etc/rabbitmq/enabled_plugins", isReadOnly: true);
            if (!settings.Ephemeral)
            {
                postgres.WithDataVolume();
                rabbitMq.WithDataVolume();
            }

            return new Infrastructure(rabbitMq, rabbitMq.GetEndpoint("management"), name => postgres.AddDatabase(name));
        }

        var localPostgres = builder.AddLocalPostgres("postgres", settings.StateDirectory, durable: !settings.Ephemeral);
        var localRabbitMq = builder.AddLocalRabbitMQ("messaging", settings.StateDirectory);

        return new Infrastructure(localRabbitMq, localRabbitMq.GetEndpoint(LocalRabbitMQServerResource.ManagementEndpointName), name => localPostgres.AddDatabase(name));
    }

    private static string EnabledPluginsFile(PlatformSettings settings)
    {
        var path = Path.Combine(Directory.CreateDirectory(settings.StateDirectory).FullName, "enabled_plugins");
        File.WriteAllText(path, LocalRabbitMQBuilderExtensions.EnabledPlugins);
        return path;
    }

    /// <summary>Throw-away data goes when the AppHost stops, after DCP has stopped the servers.</summary>
    private sealed class EphemeralStateCleanup(string directory, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopped.Register(() =>
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A temporary directory left behind is harmless.
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
