using OrderPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderPlatform.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>Every service's queues are quorum queues (replicated over a RabbitMQ cluster's nodes): a cluster sets it, one node needs not.</summary>
    public const string QuorumQueuesSetting = "Messaging:QuorumQueues";

    /// <summary>
    /// MassTransit over RabbitMQ from the <c>messaging</c> connection string
    /// (<c>amqp://user:password@host:port/vhost</c>). Queues are prefixed with the service name, so two
    /// services consuming the same event each get their own copy. Bounded retry with backoff, then
    /// MassTransit's <c>_error</c> queue; a message that arrived early is parked in the service's database and sent again later. The bus's health check makes the service not ready while
    /// RabbitMQ does not answer.
    /// </summary>
    /// <summary>Whether the process runs the <c>migrate</c> command (see <see cref="Persistence.SchemaMigration"/>).</summary>
    private static bool SchemaMigrationRequested => Environment.GetCommandLineArgs().Contains(Persistence.SchemaMigration.Command, StringComparer.Ordinal);

    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is required (the AppHost sets ConnectionStrings__{ConnectionName}).");
        }

        var broker = BrokerAddress.Parse(connectionString);
        var serviceName = ServiceIdentity.NameOf(builder.Environment);
        var quorumQueues = builder.Configuration.GetValue(QuorumQueuesSetting, false);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure?.Invoke(bus);
            if (quorumQueues)
            {
                // The consumers' queues only: a bus's own reply queue is temporary, which a quorum queue cannot be.
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                    {
                        queue.SetQuorumQueue();
                    }
                });
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(
                        retryLimit: 5,
                        minInterval: TimeSpan.FromMilliseconds(200),
                        maxInterval: TimeSpan.FromSeconds(10),
                        intervalDelta: TimeSpan.FromMilliseconds(500));
                    // An early message reaches here only once it has waited past the give-up time: retrying it would ask again for nothing.
                    retry.Ignore<MessageArrivedEarlyException>();
                });
                rabbit.ConfigureEndpoints(context);
                // The migrate command declares the service's queues and their bindings, and consumes nothing: every queue exists before
                // any service publishes, so nothing told at first start (the demo seller's certification, say) is dropped unbound.
                rabbit.DeployTopologyOnly = SchemaMigrationRequested;
            });
        });

        builder.Services.AddOptions<EarlyMessageOptions>().BindConfiguration(EarlyMessageOptions.Section);
        builder.Services.AddHostedService<ParkedMessageRedelivery>();

        // Start without waiting for RabbitMQ: the service comes up not ready and the bus keeps trying.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = false);
        return builder;
    }
}
