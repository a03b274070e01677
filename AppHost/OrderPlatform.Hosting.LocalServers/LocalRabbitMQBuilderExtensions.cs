using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace OrderPlatform.Hosting.LocalServers;

public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>The plugins every broker of ours runs: the management UI and API, and shovels to move messages back from <c>_error</c> queues.</summary>
    public const string EnabledPlugins = "[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].\n";

    private const string UserName = "orderplatform";

    /// <summary>
    /// RabbitMQ from the machine's <c>rabbitmq-server</c>, with its management UI, on ports DCP chooses,
    /// bound to 127.0.0.1. Its node name is its own, so it shares the machine's Erlang port mapper
    /// (started on first use, as every Erlang node does) without meeting any other node.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var directory = StateDirectory.For(stateDirectory, name);
        var password = builder.AddResource(new ParameterResource($"{name}-password", _ => StateDirectory.Password(directory), secret: true));
        var server = new LocalRabbitMQServerResource(name, LocalBinaries.RabbitMqServer(), directory, UserName, password.Resource);

        // One node name per data directory: two systems side by side never share a node.
        var node = "orderplatform-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..10].ToLowerInvariant();
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));
        IConnection? connection = null;
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
            connection ??= await new ConnectionFactory { Uri = new Uri(connectionString ?? throw new InvalidOperationException("Not started yet.")) }
                .CreateConnectionAsync().ConfigureAwait(false), healthCheck);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalRabbitMQServerResource.PrimaryEndpointName, scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .WithHttpEndpoint(name: LocalRabbitMQServerResource.ManagementEndpointName)
            .WithEndpoint(name: "distribution", scheme: "tcp", env: "RABBITMQ_DIST_PORT")
            .WithUrlForEndpoint(LocalRabbitMQServerResource.ManagementEndpointName, url => url.DisplayText = "Management UI (queues, _error queues)")
            .WithUrlForEndpoint("distribution", url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithEnvironment(context =>
            {
                var management = server.ManagementEndpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["HOME"] = directory; // the Erlang cookie: a private one per node
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = node + "@localhost";
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                context.EnvironmentVariables["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
                context.EnvironmentVariables["RABBITMQ_LOGS"] = "-";
                // The Erlang VM itself is the process DCP watches and stops (SIGTERM stops the node cleanly).
                context.EnvironmentVariables["RABBITMQ_ALLOW_INPUT"] = "true";
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] =
                    ReferenceExpression.Create($"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{management}}}]");
            })
            .WithArgs("-noinput")
            .WithIconName("Mailbox")
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                // Read by the node at its first boot only: the user and password the connection string carries.
                File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"), $"""
                    default_user = {UserName}
                    default_pass = {StateDirectory.Password(directory)}
                    """);
                File.WriteAllText(Path.Combine(directory, "enabled_plugins"), EnabledPlugins);
                return Task.CompletedTask;
            });
    }
}
