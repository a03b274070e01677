using OrderPlatform.Hosting.Infrastructure;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker of this test run, started once: given by environment
/// variables when set (<c>ORDERPLATFORM_TEST_POSTGRES</c>, <c>ORDERPLATFORM_TEST_RABBITMQ</c>,
/// <c>ORDERPLATFORM_TEST_RABBITMQ_MANAGEMENT</c>); else containers when a Docker engine answers; else
/// local processes. Each test class asks for its own database and virtual host.
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

    public Task<string> CreateDatabaseAsync(string name) =>
        Hosting.Infrastructure.PostgresAdmin.CreateDatabaseIfMissingAsync(PostgresAdmin, name, CancellationToken.None);

    /// <summary>A fresh virtual host; returns the messaging connection string that uses it.</summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var (user, password) = Credentials(RabbitMq);
        using var management = RabbitMqAdmin.Client(RabbitMqManagement, user, password);
        await RabbitMqAdmin.CreateVirtualHostAsync(management, user, name, CancellationToken.None);
        return new Uri(RabbitMq, Uri.EscapeDataString(name)).ToString();
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

        return await ContainerCommands.EngineAnswersAsync(CancellationToken.None)
            ? await ContainerInfrastructure.StartAsync((admin, amqp, http) => new TestInfrastructure(admin, amqp, http, "containers"))
            : await LocalInfrastructure.StartAsync((admin, amqp, http) => new TestInfrastructure(admin, amqp, http, "local processes"));
    }
}
