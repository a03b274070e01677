using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.Benchmarks.Orders;

/// <summary>
/// Drives the real platform through its gateway like storefronts on a sales day, then reads each order's own history: checkouts
/// placed per second and their latency, placed → confirmed from the orders' status history, shipment → capture from Payment's and
/// Shipping's own times, errors by status, and the CPU each process used. <c>eng/bench orders</c> starts the platform and runs it.
/// </summary>
public static class OrderLoad
{
    private sealed record Placed(string OrderId, string Customer, double LatencyMs);

    public static async Task<int> RunAsync(OrderLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var shop = new Storefront(options.Gateway, options.Sandboxes);
        var ops = await shop.OpsTokenAsync();
        var planned = options.Rate is { } rate ? (int)Math.Ceiling(rate * options.Duration.TotalSeconds) : options.Orders;
        var skus = await shop.StockedSkusAsync(ops, units: (planned + options.Warmup) * 2 + 1000);
        var relay = await shop.RelayPointAsync();
        var customers = await CustomersAsync(shop, Math.Clamp(options.Clients, 8, 64));
        var cards = new ConcurrentQueue<string>(await TokensAsync(shop, planned + options.Warmup));
        Console.WriteLine($"{planned} orders of one line each over {skus.Count} SKUs, {customers.Count} customers, "
                          + (options.Rate is { } r ? $"{r} orders/s for {options.Duration.TotalSeconds:0} s (open loop)" : $"{options.Clients} concurrent clients (closed loop)"));

        var placed = new ConcurrentBag<Placed>();
        var errors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        async Task CheckoutAsync(int index, TimeSpan due)
        {
            var customer = customers[index % customers.Count];
            var body = new
            {
                lines = new[] { new { sku = skus[index % skus.Count], quantity = 1 } },
                deliveryAddress = new { firstName = "Camille", lastName = "Durand", line1 = "12 rue de la Paix", postalCode = "75002", city = "Paris", country = "FR",
                    phone = "06 12 34 56 78" },
                delivery = new { carrier = "mondial-relay", mode = "relay-point", pickupPointId = relay },
                payment = new { method = "card", token = cards.TryDequeue(out var card) ? card : await shop.CardTokenAsync() },
            };
            try
            {
                using var response = await shop.SendAsync(HttpMethod.Post, "/api/orders", customer, body, Guid.NewGuid().ToString());
                // Open loop: latency counts from when the checkout was due, so a slow platform cannot hide it by slowing the load.
                var latency = (clock.Elapsed - due).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
                    placed.Add(new Placed(orderId, customer, latency));
                }
                else
                {
                    errors.AddOrUpdate($"checkout {(int)response.StatusCode}", 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.AddOrUpdate($"checkout {e.GetType().Name}", 1, (_, n) => n + 1);
            }
        }

        async Task ClosedLoopAsync(int count)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    await CheckoutAsync(i, clock.Elapsed);
                }
            }));
        }

        // Each service's JIT compiles its hot paths again with profile data during the first minute of load (measured with perf: a
        // third of all CPU); the warm-up lets that settle so the figures below are the platform's steady state.
        if (options.Warmup > 0)
        {
            await ClosedLoopAsync(options.Warmup);
            await NoneLeftPlacedAsync(shop, ops, TimeSpan.FromMinutes(10));
            var warmed = await ConfirmedAsync(shop, placed.ToList(), errors, TimeSpan.FromMinutes(1));
            Console.WriteLine($"warm-up: {warmed.Count} of {options.Warmup} orders confirmed in {clock.Elapsed.TotalSeconds:0.0} s, not counted below"
                              + (errors.IsEmpty ? "" : ": " + string.Join(", ", errors.Select(error => $"{error.Key} × {error.Value}"))));
            placed = [];
            errors = new ConcurrentDictionary<string, int>();
        }

        using var counters = PlatformCounters.Find();
        var countedBefore = counters is null ? null : await counters.SnapshotAsync(first: true);
        var cpu = new ProcessCpu();
        clock.Restart();
        if (options.Rate is { } perSecond)
        {
            var checkouts = new List<Task>();
            for (var i = 0; i < planned; i++)
            {
                var due = TimeSpan.FromSeconds(i / perSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                checkouts.Add(CheckoutAsync(i, due));
            }

            await Task.WhenAll(checkouts);
        }
        else
        {
            await ClosedLoopAsync(planned);
        }

        var placingTook = clock.Elapsed;
        await NoneLeftPlacedAsync(shop, ops, TimeSpan.FromMinutes(10));
        var busy = cpu.Since();
        var wall = clock.Elapsed;
        var countedAfter = counters is null ? null : await counters.SnapshotAsync();
        var orders = await ConfirmedAsync(shop, placed.ToList(), errors, TimeSpan.FromMinutes(1));

        Report(placed.ToList(), orders, errors, placingTook, wall, busy);
        if (countedBefore is not null && countedAfter is not null)
        {
            PlatformCounters.Report(countedBefore, countedAfter, await counters!.TopStatementsAsync(25), placed.Count);
        }
        else
        {
            Console.WriteLine("per order: the platform's PostgreSQL and RabbitMQ were not found, nothing counted");
        }

        await CapturesAsync(shop, ops, orders.Take(options.Shipments).Select(order => order.OrderId).ToList(), warmUp: options.Warmup > 0 ? 5 : 0);
        return errors.IsEmpty ? 0 : 1;
    }

    private static async Task<List<string>> CustomersAsync(Storefront shop, int count)
    {
        var tokens = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) => tokens.Add(await shop.NewCustomerAsync()));
        return tokens.ToList();
    }

    private static async Task<List<string>> TokensAsync(Storefront shop, int count)
    {
        var tokens = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) => tokens.Add(await shop.CardTokenAsync()));
        return tokens.ToList();
    }

    /// <summary>
    /// Waits until no order is still placed, asking Ordering's counts twice a second: asking after each order would be most of the
    /// load on Ordering while thousands wait (an earlier version of this benchmark did, five reads per order).
    /// </summary>
    private static async Task NoneLeftPlacedAsync(Storefront shop, string ops, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience
               && (await shop.GetAsync("/api/ops/orders/counts", ops) is not { } counts || counts.GetProperty("placed").GetInt32() > 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private sealed record ConfirmedOrder(string OrderId, DateTimeOffset PlacedAt, DateTimeOffset ConfirmedAt);

    /// <summary>Every placed order once it has left "placed", with the times from its own history.</summary>
    private static async Task<List<ConfirmedOrder>> ConfirmedAsync(Storefront shop, List<Placed> placed, ConcurrentDictionary<string, int> errors, TimeSpan patience)
    {
        var confirmed = new ConcurrentDictionary<string, ConfirmedOrder>();
        var waiting = placed;
        var deadline = Stopwatch.StartNew();
        while (waiting.Count > 0 && deadline.Elapsed < patience)
        {
            var still = new ConcurrentBag<Placed>();
            await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
            {
                var view = await shop.GetAsync($"/api/orders/{order.OrderId}", order.Customer);
                var history = view?.GetProperty("statusHistory").EnumerateArray()
                    .ToDictionary(change => change.GetProperty("status").GetString()!, change => change.GetProperty("at").GetDateTimeOffset());
                if (history is null || view!.Value.GetProperty("status").GetString() == "placed")
                {
                    still.Add(order);
                }
                else if (history.TryGetValue("confirmed", out var at))
                {
                    confirmed[order.OrderId] = new ConfirmedOrder(order.OrderId, history["placed"], at);
                }
                else
                {
                    errors.AddOrUpdate($"order {view.Value.GetProperty("status").GetString()}", 1, (_, n) => n + 1);
                }
            });
            waiting = still.ToList();
            if (waiting.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        if (waiting.Count > 0)
        {
            errors.AddOrUpdate("order still placed after 10 min of waiting", waiting.Count, (_, n) => n + waiting.Count);
        }

        return confirmed.Values.OrderBy(order => order.PlacedAt).ToList();
    }

    private static void Report(List<Placed> placed, List<ConfirmedOrder> confirmed, ConcurrentDictionary<string, int> errors, TimeSpan placing,
        TimeSpan wall, IReadOnlyList<(string Process, double CpuSeconds)> busy)
    {
        var latency = placed.Select(order => order.LatencyMs).Order().ToList();
        var toConfirm = confirmed.Select(order => (order.ConfirmedAt - order.PlacedAt).TotalMilliseconds).Order().ToList();
        var confirmedSpan = confirmed.Count == 0 ? TimeSpan.Zero : confirmed.Max(order => order.ConfirmedAt) - confirmed.Min(order => order.PlacedAt);
        Console.WriteLine($"placed    {placed.Count,6} in {placing.TotalSeconds,6:0.0} s  {placed.Count / placing.TotalSeconds,7:0.0} orders/s");
        Console.WriteLine($"confirmed {confirmed.Count,6} in {confirmedSpan.TotalSeconds,6:0.0} s  {confirmed.Count / Math.Max(0.001, confirmedSpan.TotalSeconds),7:0.0} orders/s");
        Console.WriteLine($"checkout latency         p50 {Percentile(latency, 50),8:0} ms  p99 {Percentile(latency, 99),8:0} ms  max {latency.LastOrDefault(),8:0} ms");
        Console.WriteLine($"placed → confirmed       p50 {Percentile(toConfirm, 50),8:0} ms  p99 {Percentile(toConfirm, 99),8:0} ms  max {toConfirm.LastOrDefault(),8:0} ms");
        Console.WriteLine(errors.IsEmpty ? "errors: none" : "errors: " + string.Join(", ", errors.Select(error => $"{error.Key} × {error.Value}")));
        Console.WriteLine($"CPU seconds over {wall.TotalSeconds:0} s (2 cores = {2 * wall.TotalSeconds:0} available):");
        foreach (var (process, seconds) in busy)
        {
            Console.WriteLine($"  {process,-24} {seconds,8:0.0} s  {100 * seconds / wall.TotalSeconds,5:0}% of a core");
        }
    }

    /// <summary>Ships each order whole, one after the other, and reads how long Payment took to capture after the parcel left.</summary>
    /// <remarks>The first <paramref name="warmUp"/> shipments are not counted: the warm-up shipped nothing, so they run cold code.</remarks>
    private static async Task CapturesAsync(Storefront shop, string ops, IReadOnlyList<string> orders, int warmUp)
    {
        var latencies = new List<double>();
        foreach (var (index, orderId) in orders.Index())
        {
            using var handOff = await shop.SendAsync(HttpMethod.Post, $"/api/ops/orders/{orderId}/hand-off", ops);
            var order = await shop.GetAsync($"/api/orders/{orderId}", ops);
            var lines = order!.Value.GetProperty("lines").EnumerateArray()
                .Select(line => new { lineId = line.GetProperty("lineId").GetString(), quantity = line.GetProperty("quantity").GetInt32() }).ToArray();
            JsonElement? shipment = null;
            for (var attempt = 0; attempt < 100 && shipment is null; attempt++)
            {
                using var shipped = await shop.SendAsync(HttpMethod.Post, $"/api/shipping/orders/{orderId}/shipments", ops, new { lines, unavailable = Array.Empty<string>() });
                if (shipped.IsSuccessStatusCode)
                {
                    shipment = (await shipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shipment");
                }
                else
                {
                    await Task.Delay(100); // the hand-off is still on its way to Shipping
                }
            }

            if (shipment?.GetProperty("shippedAt") is not { ValueKind: JsonValueKind.String } left)
            {
                continue;
            }

            for (var attempt = 0; attempt < 400; attempt++)
            {
                if (await shop.GetAsync($"/api/payments/orders/{orderId}", ops) is { } payment
                    && payment.GetProperty("lastCapturedAt") is { ValueKind: JsonValueKind.String } captured)
                {
                    if (index >= warmUp)
                    {
                        latencies.Add((captured.GetDateTimeOffset() - left.GetDateTimeOffset()).TotalMilliseconds);
                    }

                    break;
                }

                await Task.Delay(25);
            }
        }

        latencies.Sort();
        Console.WriteLine($"shipment → captured ({latencies.Count} in turn)  p50 {Percentile(latencies, 50),8:0} ms  p99 {Percentile(latencies, 99),8:0} ms");
    }

    private static double Percentile(IReadOnlyList<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
