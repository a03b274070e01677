using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Model;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace OrderPlatform.EndToEndTests;

/// <summary>One whole system for the tests of the platform collection: free ports, throw-away data.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication System { get; } = OrderPlatformSystem.Build(Options());

    public HttpClient Gateway { get; private set; } = null!;

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
