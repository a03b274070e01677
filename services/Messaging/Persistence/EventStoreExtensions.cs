using OrderPlatform.ServiceDefaults;
using System.Diagnostics;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;
using OrderPlatform.Messaging.Audit;

namespace OrderPlatform.Messaging.Persistence;

public static class EventStoreExtensions
{
    /// <summary>
    /// Marten on the service's own database (connection string <c>{service}db</c>), with the outbox relay running in the async
    /// daemon and the inbox table. The daemon is HotCold: of all the copies of a service, the one holding the relay's advisory lock
    /// runs it, and another takes it over within seconds of that copy's end. The schema is the <c>migrate</c> command's
    /// (<see cref="SchemaMigration"/>): a copy never changes it. The service is ready only when this database answers with that schema.
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
        // The operators' trail reads who is acting from the request (the accessor is filled only when registered).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SchemaHealthCheck>(); // one instance, so that a schema once seen up to date is not read again
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("database", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<SchemaHealthCheck>("schema", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.Services.AddMarten(options =>
            {
                options.Events.MetadataConfig.HeadersEnabled = true;
                // Each hop of an order between services waits for the publishing service's daemon to see the commit: Marten polls every
                // 250 ms when busy and every second when idle (a shipment → capture then took 0.5 s on average). A poll is one
                // indexed query, so poll every 100 ms busy and 250 ms idle. (LISTEN/NOTIFY was measured too: a third more
                // transactions per order and a slower confirmation under load.)
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                // A cold copy asks for the relay's lock every 2 s (one pg_try_advisory_lock), so a relay whose copy died is running
                // again within ~2 s; the lock is watched, so a copy whose connection (and with it the lock) was lost stops relaying.
                options.Projections.LeadershipPollingTime = 2000;
                options.Events.UseMonitoredAdvisoryLock = true;
                // Copies never race each other on DDL during a rolling update: schema changes are the migrate step's alone.
                options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
                options.Listeners.Add(new TraceContextListener());
                options.Listeners.Add(new OperatorTrailListener(new HttpContextAccessor(), ServiceIdentity.NameOf(builder.Environment)));
                options.Schema.For<OperatorAction>().Index(action => action.At).Index(action => action.OperatorId)
                    .GinIndexJsonData();
                options.Schema.For<ProcessedMessage>().Index(row => row.ProcessedAt);
                options.Schema.For<Messaging.ParkedMessage>().Index(parked => parked.DueAt);
                options.Schema.For<UnpublishableEvent>();
                configure?.Invoke(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddSubscriptionWithServices<OutboxRelay>(ServiceLifetime.Singleton);
        builder.Services.AddHostedService<OutboxRelayWatchdog>();
        builder.Services.AddExceptionHandler<ConcurrentWriteHandler>();
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
