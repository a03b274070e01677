using OrderPlatform.ServiceDefaults;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// The <c>migrate</c> command of every service with a database: <c>dotnet OrderPlatform.Ordering.dll migrate</c> brings the service's
/// schema up to what this build expects (Marten's documents, event store and daemon tables) and exits. The AppHost runs it before
/// the service's copies start, a Kubernetes Job before a rollout's pods; the copies themselves never change the schema, so a rolling
/// update never has two versions racing on DDL. It also declares the service's queues and their bindings on the broker, so that an event
/// published before the service's first start waits in its queue rather than being dropped.
/// </summary>
public static partial class SchemaMigration
{
    public const string Command = "migrate";

    /// <summary>Runs the service, or, with <c>migrate</c> among <paramref name="args"/>, migrates its database and returns.</summary>
    public static async Task RunOrMigrateAsync(this IHost app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Contains(Command, StringComparer.Ordinal))
        {
            await app.RunAsync();
            return;
        }

        await ApplyAsync(app.Services);
        if (app.Services.GetService<IBusControl>() is { } bus)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await bus.DeployAsync(timeout.Token);
        }

        LogMigrated(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchemaMigration)),
            ServiceIdentity.NameOf(app.Services.GetRequiredService<IHostEnvironment>()) + "db");
    }

    /// <summary>
    /// Applies every schema change the service's store is configured with. Marten takes an advisory lock for it, so two migrations
    /// started at once (two Jobs, an operator's and the AppHost's) apply each change once.
    /// </summary>
    public static Task ApplyAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    [LoggerMessage(LogLevel.Information, "Schema of {Database} is up to date, and the service's queues are declared")]
    private static partial void LogMigrated(ILogger logger, string database);
}
