using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace OrderPlatform.Hosting.LocalServers;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// PostgreSQL from the machine's binaries: <c>initdb</c> on first start, then <c>postgres</c> on a
    /// port DCP chooses (<c>PGPORT</c>), bound to 127.0.0.1. As root it runs as the postgres user.
    /// </summary>
    /// <param name="stateDirectory">Where its data lives; the same directory keeps the same data and password.</param>
    /// <param name="durable">
    /// False for throw-away data (tests): no fsync, no full pages, which only matter when the machine itself fails. Commits stay
    /// synchronous: the chaos run kills PostgreSQL, and a commit it had acknowledged must survive that, as in production.
    /// </param>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name,
        string stateDirectory, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var directory = StateDirectory.For(stateDirectory, name);
        var data = Path.Combine(directory, "data");
        var password = builder.AddResource(new ParameterResource($"{name}-password", _ => StateDirectory.Password(directory), secret: true));
        var (command, prefix) = LocalBinaries.AsPostgresUser(Path.Combine(LocalBinaries.PostgresBinDirectory(), "postgres"));
        var server = new LocalPostgresServerResource(name, command, directory, password.Resource);

        // pg_stat_statements: which statements take the time, for an operator and for eng/bench (statements per order).
        string[] settings = ["-D", data, "-k", data, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=500",
            "-c", "shared_preload_libraries=pg_stat_statements"];
        if (!durable)
        {
            settings = [.. settings, "-c", "fsync=off", "-c", "full_page_writes=off"];
        }

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));
        // Like Aspire's own PostgreSQL: the databases are created once the server answers.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (_, ct) =>
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
            await connection.OpenAsync(ct).ConfigureAwait(false);
            foreach (var database in server.Databases.Values)
            {
                await CreateDatabaseIfMissingAsync(connection, database, ct).ConfigureAwait(false);
            }
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => (connectionString ?? throw new InvalidOperationException("Not started yet.")) + ";Database=postgres", name: healthCheck);

        return builder.AddResource(server)
            .WithArgs([.. prefix, .. settings])
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", env: "PGPORT")
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted((_, _, ct) => InitialiseAsync(directory, data, ct));
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresServerResource> server, string name,
        string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;

        string? connectionString = null;
        server.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct).ConfigureAwait(false));
        var healthCheck = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("Not started yet."), name: healthCheck);
        // Aspire passes a server's state to its databases only for containers: the same, for a process.
        server.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, (e, ct) =>
        {
            _ = FollowServerStateAsync(e.Notifications, database, ct);
            return Task.CompletedTask;
        });
        return server.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck);
    }

    private static async Task FollowServerStateAsync(ResourceNotificationService notifications, LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change.Resource == database.Parent)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = change.Snapshot.State,
                        StartTimeStamp = change.Snapshot.StartTimeStamp,
                        StopTimeStamp = change.Snapshot.StopTimeStamp,
                    }).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }

    /// <summary>A database by that name, made if missing (safe when two callers race).</summary>
    public static async Task CreateDatabaseIfMissingAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"create database {new NpgsqlCommandBuilder().QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Someone else made it first.
        }
    }

    /// <summary>A new data directory on first start, owned by the user PostgreSQL runs as.</summary>
    private static async Task InitialiseAsync(string directory, string data, CancellationToken cancellationToken)
    {
        if (LocalBinaries.RunsAsPostgresUser)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", directory], cancellationToken).ConfigureAwait(false);
        }

        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }

        var (command, arguments) = LocalBinaries.AsPostgresUser(Path.Combine(LocalBinaries.PostgresBinDirectory(), "initdb"),
            "-D", data, "-U", LocalPostgresServerResource.SuperUser, "-E", "UTF8", "--locale=C.UTF-8", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--pwfile=" + Path.Combine(directory, "password"));
        await ProcessRunner.RunAsync(command, arguments, cancellationToken).ConfigureAwait(false);
    }
}
