using System.Diagnostics;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderPlatform.ServiceDefaults.Health;

namespace OrderPlatform.ServiceDefaults.Persistence;

public static class EventStoreExtensions
{
    /// <summary>
    /// Marten on the service's own database (connection string <c>{service}db</c>), with the outbox
    /// relay running in the async daemon (Solo: one copy of each service; issue 19 makes it HotCold) and the inbox table.
    /// The service is ready only when this database answers.
    /// </summary>
    public static IHostApplicationBuilder AddEventStore(this IHostApplicationBuilder builder, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionName = ServiceIdentity.NameOf(builder.Environment) + "db";
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is required (the AppHost sets ConnectionStrings__{connectionName}).");
        }

        builder.Services.AddSingleton(_ => DataSource(connectionString));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.Services.AddMarten(options =>
            {
                options.Events.MetadataConfig.HeadersEnabled = true;
                // Each hop of an order between services waits for the publishing service's daemon to see the commit: Marten polls every
                // 250 ms when busy and every second when idle (a shipment → capture then took 0.5 s on average). A poll is one
                // indexed query, so poll every 100 ms busy and 250 ms idle. (LISTEN/NOTIFY was measured too: a third more
                // transactions per order and a slower confirmation under load.)
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                options.Listeners.Add(new TraceContextListener());
                options.Schema.For<ProcessedMessage>().Index(row => row.ProcessedAt);
                options.Schema.For<Messaging.ParkedMessage>().Index(parked => parked.DueAt);
                options.Schema.For<UnpublishableEvent>();
                configure?.Invoke(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.Solo)
            .AddSubscriptionWithServices<OutboxRelay>(ServiceLifetime.Singleton)
            .ApplyAllDatabaseChangesOnStartup();
        builder.Services.AddHostedService<OutboxRelayWatchdog>();
        return builder;
    }

    private static NpgsqlDataSource DataSource(string connectionString)
    {
        // A pooled connection goes back as it is: no DISCARD ALL before its next use (measured: 25 of an order's 49 transactions).
        // Nothing of ours leaves session state behind (advisory locks are the transaction's, no temporary tables, no SET).
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 64 }.ConnectionString);
        // A statement is a span when it is part of something traced (a request, a message); the daemons' and the outbox relay's
        // polling, outside any trace, would otherwise be most of the spans the dashboard ingests while nothing happens.
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null)
            .EnableFirstResponseEvent(false));
        return builder.Build();
    }
}
