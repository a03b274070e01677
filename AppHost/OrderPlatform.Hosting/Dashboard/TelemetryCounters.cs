using System.Collections.Concurrent;

namespace OrderPlatform.Hosting.Dashboard;

/// <summary>How many OTLP exports of each signal arrived, and how many bytes.</summary>
internal sealed class TelemetryCounters
{
    private readonly ConcurrentDictionary<string, (long Requests, long Bytes)> counters = new();

    public void Record(string signal, long bytes) =>
        counters.AddOrUpdate(signal, (1, bytes), (_, current) => (current.Requests + 1, current.Bytes + bytes));

    public IReadOnlyDictionary<string, object> Snapshot() =>
        counters.ToDictionary(entry => entry.Key, entry => (object)new { requests = entry.Value.Requests, bytes = entry.Value.Bytes });
}
