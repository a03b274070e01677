using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Npgsql;
using OrderPlatform.Hosting.LocalServers;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker of this test run, started once: given by environment
/// variables when set (<c>ORDERPLATFORM_TEST_POSTGRES</c>, <c>ORDERPLATFORM_TEST_RABBITMQ</c>,
/// <c>ORDERPLATFORM_TEST_RABBITMQ_MANAGEMENT</c>); else containers when a Docker engine answers; else
/// local processes run by Aspire. Each test class asks for its own database and virtual host.
/// </summary>
public sealed class TestInfrastructure
{
    private static readonly Lazy<Task<TestInfrastructure>> Shared = new(StartAsync);

    private TestInfrastructure(string postgresAdmin, Uri rabbitMq, Uri rabbitMqManagement, string source)
    {
        PostgresAdmin = postgresAdmin;
        RabbitMq = rabbitMq;
        RabbitMqManagement = rabbitMqManagement;
        Source = source;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public string PostgresAdmin { get; }

    /// <summary><c>amqp://user:password@host:port/</c>, without a virtual host.</summary>
    public Uri RabbitMq { get; }
    public Uri RabbitMqManagement { get; }
    public string Source { get; }

    public static Task<TestInfrastructure> GetAsync() => Shared.Value;

    /// <summary>A fresh database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await LocalPostgresBuilderExtensions.CreateDatabaseIfMissingAsync(connection, name, CancellationToken.None);
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
    }

    /// <summary>A fresh database with a service's schema (its storage's <c>Configure</c>) applied, as a Marten store.</summary>
    public async Task<DocumentStore> CreateStoreAsync(string name, Action<StoreOptions> configure)
    {
        var connectionString = await CreateDatabaseAsync(name);
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            configure(options);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }

    /// <summary>A fresh virtual host; returns the messaging connection string that uses it.</summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        using var management = ManagementClient();
        var (user, _) = Credentials(RabbitMq);
        var path = Uri.EscapeDataString(name);
        (await management.PutAsync(new Uri($"api/vhosts/{path}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync(new Uri($"api/permissions/{path}/{Uri.EscapeDataString(user)}", UriKind.Relative),
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new Uri(RabbitMq, path).ToString();
    }

    /// <summary>RabbitMQ's management API, signed in with the broker's credentials.</summary>
    public HttpClient ManagementClient() => ManagementClient(RabbitMqManagement, RabbitMq);

    public static HttpClient ManagementClient(Uri management, Uri amqp)
    {
        ArgumentNullException.ThrowIfNull(amqp);
        var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return client;
    }

    public static (string User, string Password) Credentials(Uri amqp)
    {
        ArgumentNullException.ThrowIfNull(amqp);
        var parts = Uri.UnescapeDataString(amqp.UserInfo).Split(':', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>A name unique to this run, safe as a database or virtual host name.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    private static async Task<TestInfrastructure> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ORDERPLATFORM_TEST_POSTGRES");
        var rabbitMq = Environment.GetEnvironmentVariable("ORDERPLATFORM_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("ORDERPLATFORM_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbitMq) && !string.IsNullOrWhiteSpace(management))
        {
            return new TestInfrastructure(postgres, new Uri(rabbitMq), new Uri(management), "environment");
        }

        if (ContainerEngine.Answers())
        {
            return await ContainerInfrastructure.StartAsync((admin, amqp, http) => new TestInfrastructure(admin, amqp, http, "containers"));
        }

        var local = await LocalInfrastructure.StartAsync();
        TestRunCleanup.Register(() => local.DisposeAsync().AsTask().GetAwaiter().GetResult());
        var amqpAddress = new UriBuilder(await local.RabbitMqAsync()) { Path = "/" }.Uri;
        return new TestInfrastructure(await local.PostgresAdminAsync(), amqpAddress, local.RabbitMqManagement, "local processes");
    }
}
