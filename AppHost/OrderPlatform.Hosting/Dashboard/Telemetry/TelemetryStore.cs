namespace OrderPlatform.Hosting.Dashboard.Telemetry;

/// <summary>A trace in the list: where it started, which services it crossed, how long it took.</summary>
internal sealed record TraceSummary(string TraceId, string Root, DateTimeOffset Start, double DurationMs, int Spans, IReadOnlyList<string> Resources,
    bool Failed);

/// <summary>
/// What the dashboard holds of the telemetry it receives, in bounded memory: the latest spans, log records and metric
/// points, oldest dropped first, so a long run never grows without end.
/// </summary>
internal sealed class TelemetryStore(int maxSpans = 50_000, int maxLogs = 20_000, int maxPoints = 50_000)
{
    private readonly Lock gate = new();
    private readonly LinkedList<SpanRecord> spans = new();
    private readonly LinkedList<LogRecord> logs = new();
    private readonly LinkedList<MetricPoint> points = new();

    public void Add(IEnumerable<SpanRecord> received) => Append(spans, received, maxSpans);

    public void Add(IEnumerable<LogRecord> received) => Append(logs, received, maxLogs);

    public void Add(IEnumerable<MetricPoint> received) => Append(points, received, maxPoints);

    public IReadOnlyList<TraceSummary> Traces(string? resource, string? text, int limit)
    {
        List<SpanRecord> all;
        lock (gate)
        {
            all = [.. spans];
        }

        return all.GroupBy(span => span.TraceId)
            .Select(trace =>
            {
                var ordered = trace.OrderBy(span => span.Start).ToList();
                var ids = ordered.Select(span => span.SpanId).ToHashSet();
                var root = ordered.FirstOrDefault(span => span.ParentSpanId is null || !ids.Contains(span.ParentSpanId)) ?? ordered[0];
                var start = ordered[0].Start;
                return new TraceSummary(trace.Key, $"{root.Resource}: {root.Name}", start, (ordered.Max(span => span.End) - start).TotalMilliseconds, ordered.Count,
                    ordered.Select(span => span.Resource).Distinct().ToList(), ordered.Any(span => span.StatusCode == 2));
            })
            .Where(trace => resource is null || trace.Resources.Contains(resource))
            .Where(trace => text is null || trace.Root.Contains(text, StringComparison.OrdinalIgnoreCase) || trace.TraceId == text)
            .OrderByDescending(trace => trace.Start).Take(limit).ToList();
    }

    public IReadOnlyList<SpanRecord> Trace(string traceId)
    {
        lock (gate)
        {
            return spans.Where(span => span.TraceId == traceId).OrderBy(span => span.Start).ToList();
        }
    }

    public IReadOnlyList<LogRecord> Logs(string? resource, string? level, string? text, string? traceId, int limit)
    {
        var minimum = level is null ? 0 : LevelNumber(level);
        lock (gate)
        {
            return logs.Reverse()
                .Where(log => resource is null || log.Resource == resource)
                .Where(log => log.SeverityNumber >= minimum)
                .Where(log => traceId is null || log.TraceId == traceId)
                .Where(log => text is null || log.Message.Contains(text, StringComparison.OrdinalIgnoreCase) || log.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Take(limit).ToList();
        }
    }

    public IReadOnlyList<string> MetricNames()
    {
        lock (gate)
        {
            return points.Select(point => point.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    public IReadOnlyList<MetricPoint> Metric(string name, string? resource)
    {
        lock (gate)
        {
            return points.Where(point => point.Name == name && (resource is null || point.Resource == resource)).OrderBy(point => point.Time).ToList();
        }
    }

    /// <summary>"warning" and above: the severity numbers of OTLP's levels.</summary>
    public static int LevelNumber(string level) => level.ToUpperInvariant() switch
    {
        "TRACE" => 1,
        "DEBUG" => 5,
        "INFORMATION" or "INFO" => 9,
        "WARNING" or "WARN" => 13,
        "ERROR" => 17,
        "CRITICAL" or "FATAL" => 21,
        _ => 0,
    };

    private void Append<T>(LinkedList<T> into, IEnumerable<T> received, int max)
    {
        lock (gate)
        {
            foreach (var item in received)
            {
                into.AddLast(item);
                if (into.Count > max)
                {
                    into.RemoveFirst();
                }
            }
        }
    }
}
