using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace OrderPlatform.Benchmarks.Orders;

/// <summary>
/// What the platform's servers count while the load runs, to divide by the orders: PostgreSQL's committed transactions, statements
/// (<c>pg_stat_statements</c>, which the AppHost's PostgreSQL loads) and rows written; RabbitMQ's messages published and delivered;
/// and which statements those are. The servers are found as <c>eng/bench orders</c> starts them: the newest throw-away state directory.
/// </summary>
public sealed class PlatformCounters : IDisposable
{
    private readonly string postgres;
    private readonly HttpClient rabbitMq;

    private PlatformCounters(string postgres, HttpClient rabbitMq)
    {
        this.postgres = postgres;
        this.rabbitMq = rabbitMq;
    }

    public sealed record Snapshot(long Transactions, long Statements, long RowsWritten, long Published, long Delivered);

    /// <summary>A statement's share of the run: its calls and time, per order.</summary>
    public sealed record Statement(string Database, string Query, long Calls, double Milliseconds);

    /// <summary>The counters of the platform whose state lives in the newest throw-away directory, or null when none runs.</summary>
    public static PlatformCounters? Find()
    {
        var state = new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories("orderplatform-ephemeral-*")
            .Where(directory => Directory.Exists(Path.Combine(directory.FullName, "postgres", "data")))
            .OrderByDescending(directory => directory.CreationTimeUtc).FirstOrDefault();
        var data = state is null ? null : Path.Combine(state.FullName, "postgres", "data");
        var socket = data is null ? null : Directory.EnumerateFiles(data, ".s.PGSQL.*").FirstOrDefault(path => !path.EndsWith(".lock", StringComparison.Ordinal));
        var management = state is null ? null : ManagementPort(Path.Combine(state.FullName, "messaging"));
        if (socket is null || management is null)
        {
            return null;
        }

        var settings = File.ReadAllLines(Path.Combine(state!.FullName, "messaging", "rabbitmq.conf"))
            .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        var rabbitMq = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{management}") };
        rabbitMq.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings["default_user"]}:{settings["default_pass"]}")));
        var port = Path.GetFileName(socket)[".s.PGSQL.".Length..];
        return new PlatformCounters($"Host={data};Port={port};Username=postgres;Database=postgres;Pooling=false", rabbitMq);
    }

    /// <summary>The counters now; the first snapshot also starts <c>pg_stat_statements</c> afresh, so its list is the run's.</summary>
    public async Task<Snapshot> SnapshotAsync(bool first = false)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using (var extension = new NpgsqlCommand(
                         "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" + (first ? "; SELECT pg_stat_statements_reset()" : ""), connection))
        {
            await extension.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT sum(xact_commit) FROM pg_stat_database)::bigint,
                   (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements)::bigint,
                   (SELECT sum(tup_inserted + tup_updated + tup_deleted) FROM pg_stat_database)::bigint
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var overview = await rabbitMq.GetFromJsonAsync<JsonElement>("/api/overview");
        long Count(string name) =>
            overview.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(name, out var count) ? count.GetInt64() : 0;
        return new Snapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Count("publish"), Count("deliver_get"));
    }

    /// <summary>The statements called most since the first snapshot, in which database.</summary>
    public async Task<IReadOnlyList<Statement>> TopStatementsAsync(int count)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname, regexp_replace(s.query, '\s+', ' ', 'g'), s.calls, s.total_exec_time
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.calls DESC LIMIT $1
            """, connection);
        command.Parameters.AddWithValue(count);
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<Statement>();
        while (await reader.ReadAsync())
        {
            statements.Add(new Statement(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3)));
        }

        return statements;
    }

    public static void Report(Snapshot before, Snapshot after, IReadOnlyList<Statement> top, int orders)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        double PerOrder(long from, long to) => (double)(to - from) / Math.Max(1, orders);
        Console.WriteLine($"per order ({orders}), everything the platform did meanwhile included (daemons' polling too):");
        Console.WriteLine($"  PostgreSQL  {PerOrder(before.Transactions, after.Transactions),7:0.0} transactions  {PerOrder(before.Statements, after.Statements),7:0.0} statements  "
                          + $"{PerOrder(before.RowsWritten, after.RowsWritten),7:0.0} rows written");
        Console.WriteLine($"  RabbitMQ    {PerOrder(before.Published, after.Published),7:0.0} messages published  {PerOrder(before.Delivered, after.Delivered),7:0.0} delivered");
        Console.WriteLine("  the statements called most, per order (calls, ms), by database:");
        foreach (var statement in top)
        {
            Console.WriteLine($"    {(double)statement.Calls / Math.Max(1, orders),6:0.00} {statement.Milliseconds / Math.Max(1, orders),6:0.00} ms  {statement.Database,-15} "
                              + (statement.Query.Length > 110 ? statement.Query[..110] + "…" : statement.Query));
        }
    }

    /// <summary>The management API's port, from the command line of the broker that keeps its data in this directory.</summary>
    private static int? ManagementPort(string messaging)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(path => Path.GetFileName(path).All(char.IsAsciiDigit)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("beam.smp", StringComparison.Ordinal) && commandLine.Contains(messaging, StringComparison.Ordinal)
                    && System.Text.RegularExpressions.Regex.Match(commandLine, @"tcp_config\s+\[\{ip,""127\.0\.0\.1""\},\{port,(\d+)\}\]") is { Success: true } match)
                {
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
        }

        return null;
    }

    public void Dispose() => rabbitMq.Dispose();
}
