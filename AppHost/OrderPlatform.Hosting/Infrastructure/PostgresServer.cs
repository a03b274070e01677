using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>
/// PostgreSQL with one database per service: from the local binaries (own data directory, free port,
/// run as the <c>postgres</c> user when we are root, since PostgreSQL refuses root), or as a container.
/// </summary>
public sealed class PostgresServer(string name) : ServerResource(name)
{
    private const string SuperUser = "postgres";
    private readonly List<PostgresDatabase> databases = [];

    /// <summary>Chosen when declared, so connection strings are known before anything starts.</summary>
    public int Port { get; } = FreePort.Next();
    public string Password { get; private set; } = "";

    public override IReadOnlyDictionary<string, Uri> Endpoints =>
        new Dictionary<string, Uri> { ["tcp"] = new($"tcp://127.0.0.1:{Port}") };

    public PostgresDatabase AddDatabase(string databaseName)
    {
        var database = new PostgresDatabase(databaseName, this);
        databases.Add(database);
        return database;
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = SuperUser, Password = Password, Database = database,
        }.ConnectionString;

    protected internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        State = ResourceState.Starting;
        var directory = Directory.CreateDirectory(Path.Combine(context.StateDirectory, Name)).FullName;
        Password = ReadOrCreatePassword(Path.Combine(directory, "password"));
        await RunAsync(context,
            container => ContainerCommands.Postgres(container, Port, Password),
            () => StartLocalAsync(context, directory, cancellationToken),
            token => WaitUntilAnswersAsync(context.Options.StartTimeout, token),
            cancellationToken);
        foreach (var database in databases)
        {
            await PostgresAdmin.CreateDatabaseIfMissingAsync(ConnectionStringFor("postgres"), database.Name, cancellationToken);
        }

        MarkReady();
    }

    private async Task<ChildProcess> StartLocalAsync(HostingContext context, string directory, CancellationToken cancellationToken)
    {
        var binaries = LocalBinaries.PostgresBinDirectory();
        var data = Path.Combine(directory, "data");
        var runAs = LocalBinaries.RunAsPostgresPrefix();
        if (runAs.Count > 0)
        {
            await CommandLine.RunCheckedAsync("chown", ["-R", "postgres:postgres", directory], null, TimeSpan.FromSeconds(30), cancellationToken);
        }

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            Log.Append($"initdb {data}");
            string[] initdb = [Path.Combine(binaries, "initdb"), "-D", data, "-U", SuperUser, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={Path.Combine(directory, "password")}"];
            Log.Append(await CommandLine.RunCheckedAsync(Command(runAs, initdb), Arguments(runAs, initdb), null, TimeSpan.FromMinutes(2), cancellationToken));
        }

        var ephemeral = context.Options.StateDirectory is null;
        var settings = new List<string>
        {
            "-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", data,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=500",
        };
        if (ephemeral)
        {
            // Throw-away data (tests): durability buys nothing, speed does.
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        string[] postgres = [Path.Combine(binaries, "postgres"), .. settings];
        var environment = new Dictionary<string, string> { [HostingContext.InstanceVariable] = context.InstanceId };
        return ChildProcess.Start(Command(runAs, postgres), Arguments(runAs, postgres), environment, directory, Log);
    }

    private static string Command(IReadOnlyList<string> prefix, string[] command) => prefix.Count > 0 ? prefix[0] : command[0];

    private static IEnumerable<string> Arguments(IReadOnlyList<string> prefix, string[] command) =>
        prefix.Count > 0 ? prefix.Skip(1).Concat(command) : command.Skip(1);

    private async Task WaitUntilAnswersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            ThrowIfExited();
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
    private protected override Task ShutdownAsync(ChildProcess server) => server.StopAsync(Signals.SigInt, TimeSpan.FromSeconds(20));

    private static string ReadOrCreatePassword(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }
}
