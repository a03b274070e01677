using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using OrderPlatform.Benchmarks;
using OrderPlatform.Benchmarks.Orders;
using OrderPlatform.Hosting.LocalServers;

// `eng/bench orders`: the order load against a running platform (eng/bench starts it).
if (args is ["orders", .. var orderArguments])
{
    return await OrderLoad.RunAsync(OrderLoadOptions.Parse(orderArguments));
}

// Catalog search latency over the demo catalogue and over a generated 10,000-product catalogue, on a
// throw-away local PostgreSQL. Prints p50/p95/p99 per catalogue; `eng/bench` runs it.
var state = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "orderplatform-bench-" + Guid.NewGuid().ToString("N")[..10])).FullName;
// PostgreSQL's own console lines stay out of the figures.
var builder = DistributedApplicationTestingBuilder.Create([], (options, _) => options.EnableResourceLogging = false);
builder.AddLocalPostgres("postgres", state, durable: false);
await using var app = await builder.BuildAsync();
await app.StartAsync();
await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres");
var admin = await app.GetConnectionStringAsync("postgres") + ";Database=postgres";

var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
Console.WriteLine($"Catalog search latency, {iterations} queries per catalogue after warm-up");
foreach (var (name, products) in (ValueTuple<string, int>[])[("demo", 0), ("generated", 10_000)])
{
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await LocalPostgresBuilderExtensions.CreateDatabaseIfMissingAsync(connection, $"bench_{name}", CancellationToken.None);
    }

    var result = await SearchBenchmark.RunAsync(new NpgsqlConnectionStringBuilder(admin) { Database = $"bench_{name}" }.ConnectionString, products, iterations);
    Console.WriteLine(result);
}

await app.StopAsync();
Directory.Delete(state, recursive: true);
return 0;
