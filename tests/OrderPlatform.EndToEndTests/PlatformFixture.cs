using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Model;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace OrderPlatform.EndToEndTests;

/// <summary>One whole system for the tests of the platform collection: free ports, throw-away data.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication System { get; } = OrderPlatformSystem.Build(Options());

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The Sandboxes host: the PSP a storefront's payment form talks to, never behind the gateway.</summary>
    public Uri Sandboxes => System.Get<ProjectResource>("sandboxes").HttpAddress;

    /// <summary>Every line every resource printed since the system started, for the scans that look for secrets.</summary>
    public IReadOnlyCollection<string> Printed => printed;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> printed = new();

    public PlatformFixture()
    {
        foreach (var resource in System.Resources)
        {
            resource.Log.LineAppended += line => printed.Enqueue($"{resource.Name}: {line}");
        }
    }

    public static AppHostOptions Options() => new()
    {
        RepositoryRoot = RepositoryLayout.FindRoot(),
        Configuration = RepositoryLayout.BuildConfiguration,
        UseFixedPorts = false,
        StreamToConsole = false,
        StartTimeout = TimeSpan.FromMinutes(3),
        // Every test signs in from 127.0.0.1: the gateway's per-client limits are proven in-memory instead.
        ServiceSettings = new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PerMinute"] = "100000",
            ["Gateway__RateLimit__SignInPerMinute"] = "100000",
            // Reconciliation waits this long before calling a payment without an order an orphan.
            ["Payment__OrphanGracePeriod"] = "00:00:02",
            // Carriers are polled and failed labels retried every second, so tracking tests see the carriers' news at once.
            ["Shipping__TrackingPollInterval"] = "00:00:01",
            ["Shipping__LabelScanInterval"] = "00:00:01",
            ["Shipping__LabelRetryDelay"] = "00:00:01",
            // Messages leave every second and, while the mail relay is down, are retried at most three seconds apart.
            ["Notification__DispatchInterval"] = "00:00:01",
            ["Notification__RetryDelay"] = "00:00:01",
            ["Notification__MaxRetryDelay"] = "00:00:03",
        },
    };

    public async Task InitializeAsync()
    {
        try
        {
            await System.StartAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Say which resource failed and what it printed, not just that something did.
            var logs = System.Resources
                .Where(resource => resource.State is ResourceState.FailedToStart or ResourceState.Exited)
                .Select(resource => $"--- {resource.Name} ---\n{string.Join('\n', resource.Log.Tail(40))}");
            await System.StopAsync();
            throw new InvalidOperationException($"The platform did not start: {e.Message}\n{string.Join('\n', logs)}", e);
        }

        Gateway = new HttpClient { BaseAddress = System.Get<ProjectResource>("gateway").HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        Checkout.VisaToken = await Checkout.TokeniseAsync(Sandboxes, "4242 4242 4242 4242");
    }

    /// <summary>
    /// One value read straight from a service's database: what only an e-mail would carry (a reset or
    /// unsubscribe token), or proof that erased data is gone. Parameters are named @p0, @p1…
    /// </summary>
    public async Task<object?> ScalarAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(System.Get<Hosting.Infrastructure.PostgresServer>("postgres").ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>The databases the system's PostgreSQL holds, one per service.</summary>
    public async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        var names = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(System.Get<Hosting.Infrastructure.PostgresServer>("postgres").ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select datname from pg_database where not datistemplate and datname <> 'postgres'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Where in a database a text appears: "schema.table" for every table whose rows contain it.</summary>
    public async Task<IReadOnlyList<string>> TablesContainingAsync(string database, string text)
    {
        await using var connection = new Npgsql.NpgsqlConnection(System.Get<Hosting.Infrastructure.PostgresServer>("postgres").ConnectionStringFor(database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new Npgsql.NpgsqlCommand($"select exists (select 1 from {table} t where t::text like @p)", connection);
            search.Parameters.AddWithValue("p", "%" + text + "%");
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                found.Add(table);
            }
        }

        return found;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await System.StopAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
