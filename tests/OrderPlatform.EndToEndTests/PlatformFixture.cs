using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Each collection has a whole system of its own, and at most ParallelSystems of them run at once (xunit.runner.json), longest first.
[assembly: TestCollectionOrderer("OrderPlatform.EndToEndTests.LongestFirst", "OrderPlatform.EndToEndTests")]

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// One whole system for the tests of a collection, started from the AppHost project itself
/// (Aspire.Hosting.Testing): the same definition as eng/run, on free ports, with throw-away data and the merchant preset as a
/// parameter; the Aspire Dashboard only where a test looks at it.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    // Several systems start at once on two cores (xunit.runner.json): one alone is up in about a minute, three at once in about three,
    // and the chaos run's two copies of everything take longer still.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Every test signs in from 127.0.0.1: the gateway's per-client limits are proven in-memory instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceSettings = new Dictionary<string, string>
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
        // A message still early after 30 s (a day outside tests) goes to _error: no dependency takes that long to arrive in a test.
        ["Messaging__Early__GiveUpAfter"] = "00:00:30",
        // A signing key made by ops signs 3 s later (an hour outside tests); the replicas of Accounts look every second.
        ["Accounts__SigningKeys__PublishAhead"] = "00:00:03",
        ["Accounts__SigningKeys__CheckEvery"] = "00:00:01",
    };

    protected virtual string Preset => "fashion-retail";

    /// <summary>
    /// Whether the Aspire Dashboard runs and receives every service's telemetry: for fashion-retail's collection, whose tests look at
    /// it; the other systems go without, as receiving telemetry is a quarter of the machine's work under load.
    /// </summary>
    protected virtual bool WithDashboard => true;

    /// <summary>How many copies of each service, the back office and the gateway run (the AppHost's <c>Replicas</c>).</summary>
    public virtual int Replicas => 1;

    /// <summary>Settings a preset's collection adds for every service (a shorter hand-off, say).</summary>
    /// <summary>
    /// This platform's own (fashion-retail's): a refund above 10 € asks for a code typed within the last 10 s, so that the back office's
    /// claims page is seen asking for one (the other platforms keep the default 100 € and 2 minutes).
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> PresetSettings { get; } = new Dictionary<string, string>
    {
        ["Operations__FreshCode__AboveCents"] = "1000",
        ["Operations__FreshCode__Within"] = "00:00:10",
    };

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The Sandboxes host: the PSP a storefront's payment form talks to, never behind the gateway.</summary>
    public Uri Sandboxes => Endpoint("sandboxes");

    /// <summary>The Aspire Dashboard, and what signs a browser or a client in to it.</summary>
    public Uri Dashboard => App.GetEndpoint("aspire-dashboard", "http");

    public string DashboardBrowserToken { get; } = Secret();

    public string DashboardApiKey { get; } = Secret();

    /// <summary>Every line every resource printed since the system started (DCP keeps them all), for the scans that look for secrets.</summary>
    public async Task<IReadOnlyList<string>> PrintedAsync()
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        foreach (var resource in App.Services.GetRequiredService<DistributedApplicationModel>().Resources)
        {
            await foreach (var batch in logs.GetAllAsync(resource))
            {
                lines.AddRange(batch.Select(line => $"{resource.Name}: {line.Content}"));
            }
        }

        return lines;
    }

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public async Task InitializeAsync()
    {
        string[] arguments =
        [
            $"--Preset={Preset}", "--Ephemeral=true", $"--Replicas={Replicas}",
            $"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={DashboardBrowserToken}", $"--AppHost:DashboardApiKey={DashboardApiKey}",
            .. ServiceSettings.Concat(PresetSettings).Select(setting => $"--ServiceSettings:{setting.Key}={setting.Value}"),
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OrderPlatform_AppHost>(arguments,
            (options, _) => options.DisableDashboard = !WithDashboard);
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await App.StartAsync(timeout.Token);
            await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            // Say what did not come up and what it printed, not just that something did not.
            throw new InvalidOperationException($"The platform did not start within {StartTimeout}:\n{string.Join('\n', (await PrintedAsync()).TakeLast(80))}", e);
        }

        Gateway = new HttpClient { BaseAddress = Endpoint("gateway"), Timeout = TimeSpan.FromSeconds(30) };
        Checkout.Register(Gateway.BaseAddress!, Sandboxes);
        Checkout.RelayPoint = await Checkout.RelayPointNearAsync(Gateway, "75002");
    }

    /// <summary>A connection string of the system's PostgreSQL, to one of its databases.</summary>
    public async Task<string> ConnectionStringAsync(string database) =>
        database == "postgres"
            ? await App.GetConnectionStringAsync("postgres") + ";Database=postgres"
            : await App.GetConnectionStringAsync(database) ?? throw new InvalidOperationException($"No database {database}.");

    /// <summary>
    /// One value read straight from a service's database: proof that erased data is gone, or what only a
    /// service keeps. Parameters are named @p0, @p1…
    /// </summary>
    public async Task<object?> ScalarAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        try
        {
            return await command.ExecuteScalarAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // no such table in this service's database: it holds nothing of that kind
        }
    }

    /// <summary>The databases the system's PostgreSQL holds, one per service.</summary>
    public async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        var names = new List<string>();
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select datname from pg_database where not datistemplate and datname <> 'postgres'", connection);
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
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync(database));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
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
            await using var search = new NpgsqlCommand($"select exists (select 1 from {table} t where t::text like @p)", connection);
            search.Parameters.AddWithValue("p", "%" + text + "%");
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                found.Add(table);
            }
        }

        return found;
    }

    /// <summary>RabbitMQ's management API, signed in with the broker's own credentials (from its connection string).</summary>
    public async Task<HttpClient> BrokerManagementAsync()
    {
        var amqp = new Uri(await App.GetConnectionStringAsync("messaging") ?? throw new InvalidOperationException("No broker."));
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo)));
        var client = new HttpClient { BaseAddress = new Uri(Endpoint("messaging", "management"), "/api/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
