using System.Diagnostics;
using System.Globalization;
using Marten;
using Weasel.Core;
using OrderPlatform.Catalog;
using OrderPlatform.Catalog.DemoData;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Products;

namespace OrderPlatform.Benchmarks;

internal static class SearchBenchmark
{
    // What shoppers type, and what they browse.
    private static readonly ProductQuery[] Queries =
    [
        new("robe", null), new("pantalons", null), new("robe ete", null), new("jean slim", null), new("pull laine", null),
        new("chemise lin", null), new("doudoune", null), new("veste en jean", null), new("baskets", null), new("sac cuir", null),
        new(null, "Femme"), new(null, "Homme/Jeans"), new("jean", "Garçon"), new("coton bio", null), new("manteau", "Femme", 2),
    ];

    public static async Task<string> RunAsync(string connectionString, int generatedProducts, int iterations)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            CatalogStorage.Configure(options);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var products = generatedProducts == 0 ? FashionCatalogue.Products() : GeneratedCatalogue.Products(generatedProducts);
        await store.BulkInsertDocumentsAsync(products, BulkInsertMode.OverwriteExisting);
        await using (var analyze = store.LightweightSession())
        {
            analyze.QueueSqlCommand("analyze");
            await analyze.SaveChangesAsync();
        }

        var random = new Random(42);
        var samples = new List<double>(iterations);
        var byQuery = Queries.ToDictionary(query => query, _ => new List<double>());
        for (var i = -iterations / 10; i < iterations; i++)
        {
            var query = Queries[random.Next(Queries.Length)];
            await using var session = store.QuerySession();
            var watch = Stopwatch.StartNew();
            await ProductSearch.RunAsync(session, query, CancellationToken.None);
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
                byQuery[query].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        var slowest = byQuery.Where(entry => entry.Value.Count > 0)
            .Select(entry => (entry.Key, Median: entry.Value.Order().ElementAt(entry.Value.Count / 2)))
            .OrderByDescending(entry => entry.Median).Take(3)
            .Select(entry => string.Create(CultureInfo.InvariantCulture, $"q={entry.Key.Text ?? "-"} category={entry.Key.Category ?? "-"}: {entry.Median:0.0} ms"));
        return string.Create(CultureInfo.InvariantCulture,
            $"  {products.Count,6} products: p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {samples[^1]:0.00} ms\n"
            + $"         slowest medians: {string.Join("; ", slowest)}");
    }
}
