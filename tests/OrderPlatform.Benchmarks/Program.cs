using OrderPlatform.Benchmarks;
using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Infrastructure;
using OrderPlatform.Hosting.Model;

// Catalog search latency over the demo catalogue and over a generated 10,000-product catalogue, on a
// throw-away local PostgreSQL. Prints p50/p95/p99 per catalogue; `eng/bench` runs it.
var builder = new DistributedApplicationBuilder(new AppHostOptions
{
    RepositoryRoot = RepositoryLayout.FindRoot(),
    UseFixedPorts = false,
    StreamToConsole = false,
});
var postgres = builder.AddPostgres("postgres");
await using var system = builder.Build();
await system.StartAsync(CancellationToken.None);

var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
Console.WriteLine($"Catalog search latency, {iterations} queries per catalogue after warm-up (PostgreSQL {postgres.Endpoints["tcp"]})");
foreach (var (name, products) in (ValueTuple<string, int>[])[("demo", 0), ("generated", 10_000)])
{
    var connectionString = await PostgresAdmin.CreateDatabaseIfMissingAsync(postgres.ConnectionStringFor("postgres"), $"bench_{name}", CancellationToken.None);
    var result = await SearchBenchmark.RunAsync(connectionString, products, iterations);
    Console.WriteLine(result);
}
