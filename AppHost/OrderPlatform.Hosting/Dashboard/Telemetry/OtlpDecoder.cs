using System.Globalization;

namespace OrderPlatform.Hosting.Dashboard.Telemetry;

/// <summary>One span as the dashboard keeps it: which service, which trace, its parent, when, how it ended.</summary>
internal sealed record SpanRecord(string TraceId, string SpanId, string? ParentSpanId, string Resource, string Scope, string Name, int Kind,
    DateTimeOffset Start, DateTimeOffset End, int StatusCode, string? StatusMessage, IReadOnlyDictionary<string, string> Attributes)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

/// <summary>One structured log record.</summary>
internal sealed record LogRecord(DateTimeOffset Time, string Resource, string Category, string Level, int SeverityNumber, string Message, string? TraceId,
    string? SpanId, IReadOnlyDictionary<string, string> Attributes);

/// <summary>One metric data point: a counter's or gauge's value, a histogram's count and sum.</summary>
internal sealed record MetricPoint(string Resource, string Name, string Unit, DateTimeOffset Time, double Value, string Series);

/// <summary>
/// Decodes OTLP/HTTP protobuf exports (opentelemetry-proto: ExportTraceServiceRequest, ExportLogsServiceRequest,
/// ExportMetricsServiceRequest) into the records above, keeping what the dashboard shows.
/// </summary>
internal static class OtlpDecoder
{
    public static List<SpanRecord> Traces(ReadOnlySpan<byte> request)
    {
        var spans = new List<SpanRecord>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                ResourceScoped(reader.Bytes(), (resource, scope, item) => spans.Add(Span(item, resource, scope)));
            }
            else
            {
                reader.Skip();
            }
        }

        return spans;
    }

    public static List<LogRecord> Logs(ReadOnlySpan<byte> request)
    {
        var logs = new List<LogRecord>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                ResourceScoped(reader.Bytes(), (resource, scope, item) => logs.Add(Log(item, resource, scope)));
            }
            else
            {
                reader.Skip();
            }
        }

        return logs;
    }

    public static List<MetricPoint> Metrics(ReadOnlySpan<byte> request)
    {
        var points = new List<MetricPoint>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                ResourceScoped(reader.Bytes(), (resource, _, item) => points.AddRange(Metric(item, resource)));
            }
            else
            {
                reader.Skip();
            }
        }

        return points;
    }

    private delegate void ItemHandler(string resource, string scope, ReadOnlySpan<byte> item);

    /// <summary>Resource{Spans,Logs,Metrics}: 1 resource, 2 scope{Spans,Logs,Metrics} (1 scope, 2 items).</summary>
    private static void ResourceScoped(ReadOnlySpan<byte> message, ItemHandler handle)
    {
        var resource = "unknown";
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1:
                    resource = Attributes(reader.Bytes(), 1).GetValueOrDefault("service.name", "unknown");
                    break;
                case 2:
                    scopes.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        foreach (var scoped in scopes)
        {
            var scope = "";
            var items = new List<byte[]>();
            var inner = new ProtoReader(scoped);
            while (inner.Next())
            {
                switch (inner.Field)
                {
                    case 1:
                        scope = ScopeName(inner.Bytes());
                        break;
                    case 2:
                        items.Add(inner.Bytes().ToArray());
                        break;
                    default:
                        inner.Skip();
                        break;
                }
            }

            foreach (var item in items)
            {
                handle(resource, scope, item);
            }
        }
    }

    private static SpanRecord Span(ReadOnlySpan<byte> message, string resource, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null, statusMessage = null;
        int kind = 0, statusCode = 0;
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = reader.Hex(); break;
                case 2: spanId = reader.Hex(); break;
                case 4: parent = reader.Hex() is { Length: > 0 } p ? p : null; break;
                case 5: name = reader.String(); break;
                case 6: kind = (int)reader.Varint(); break;
                case 7: start = reader.Fixed64(); break;
                case 8: end = reader.Fixed64(); break;
                case 9: Attribute(reader.Bytes(), attributes); break;
                case 15:
                    var status = new ProtoReader(reader.Bytes());
                    while (status.Next())
                    {
                        switch (status.Field)
                        {
                            case 2: statusMessage = status.String(); break;
                            case 3: statusCode = (int)status.Varint(); break;
                            default: status.Skip(); break;
                        }
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new SpanRecord(traceId, spanId, parent, resource, scope, name, kind, Time(start), Time(end), statusCode, statusMessage, attributes);
    }

    private static LogRecord Log(ReadOnlySpan<byte> message, string resource, string scope)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? level = null, traceId = null, spanId = null;
        var body = "";
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: time = reader.Fixed64(); break;
                case 2: severity = (int)reader.Varint(); break;
                case 3: level = reader.String(); break;
                case 5: body = AnyValue(reader.Bytes()); break;
                case 6: Attribute(reader.Bytes(), attributes); break;
                case 9: traceId = reader.Hex() is { Length: > 0 } t ? t : null; break;
                case 10: spanId = reader.Hex() is { Length: > 0 } s ? s : null; break;
                case 11: observed = reader.Fixed64(); break;
                default: reader.Skip(); break;
            }
        }

        // The .NET exporter sends the message template as the body and its values as attributes: show the message as written.
        var text = attributes.Aggregate(body, (current, attribute) => current.Replace("{" + attribute.Key + "}", attribute.Value, StringComparison.Ordinal));
        return new LogRecord(Time(time != 0 ? time : observed), resource, scope, level is { Length: > 0 } ? level : SeverityName(severity), severity, text,
            traceId, spanId, attributes);
    }

    private static IEnumerable<MetricPoint> Metric(ReadOnlySpan<byte> message, string resource)
    {
        string name = "", unit = "";
        var data = new List<(int Kind, byte[] Bytes)>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: name = reader.String(); break;
                case 3: unit = reader.String(); break;
                case 5 or 7 or 9: data.Add((reader.Field, reader.Bytes().ToArray())); break;
                default: reader.Skip(); break;
            }
        }

        var points = new List<MetricPoint>();
        foreach (var (kind, bytes) in data)
        {
            var container = new ProtoReader(bytes);
            while (container.Next())
            {
                if (container.Field == 1)
                {
                    points.Add(Point(container.Bytes(), resource, name, unit, histogram: kind == 9));
                }
                else
                {
                    container.Skip();
                }
            }
        }

        return points;
    }

    /// <summary>NumberDataPoint (7 attributes, 3 time, 4 as_double, 6 as_int) or HistogramDataPoint (9 attributes, 3 time, 4 count, 5 sum): the value charted.</summary>
    private static MetricPoint Point(ReadOnlySpan<byte> message, string resource, string name, string unit, bool histogram)
    {
        ulong time = 0;
        double value = 0;
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 3: time = reader.Fixed64(); break;
                case 4 when histogram: value = reader.Fixed64(); break;
                case 4: value = reader.Double(); break;
                case 6 when !histogram: value = (long)reader.Fixed64(); break;
                case 7 when !histogram: Attribute(reader.Bytes(), attributes); break;
                case 9 when histogram: Attribute(reader.Bytes(), attributes); break;
                default: reader.Skip(); break;
            }
        }

        var series = string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        return new MetricPoint(resource, name, histogram ? $"{unit} (count)" : unit, Time(time), value, series);
    }

    /// <summary>A message whose field <paramref name="field"/> is a repeated KeyValue.</summary>
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int field)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == field)
            {
                Attribute(reader.Bytes(), attributes);
            }
            else
            {
                reader.Skip();
            }
        }

        return attributes;
    }

    private static void Attribute(ReadOnlySpan<byte> keyValue, Dictionary<string, string> into)
    {
        string key = "", value = "";
        var reader = new ProtoReader(keyValue);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: key = reader.String(); break;
                case 2: value = AnyValue(reader.Bytes()); break;
                default: reader.Skip(); break;
            }
        }

        into[key] = value;
    }

    private static string AnyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var value = "";
        while (reader.Next())
        {
            value = reader.Field switch
            {
                1 => reader.String(),
                2 => reader.Varint() != 0 ? "true" : "false",
                3 => reader.Int64().ToString(CultureInfo.InvariantCulture),
                4 => reader.Double().ToString(CultureInfo.InvariantCulture),
                _ => Skipped(ref reader),
            };
        }

        return value;
    }

    private static string Skipped(ref ProtoReader reader)
    {
        reader.Skip();
        return "…";
    }

    private static string ScopeName(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var name = "";
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                name = reader.String();
            }
            else
            {
                reader.Skip();
            }
        }

        return name;
    }

    private static DateTimeOffset Time(ulong unixNanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));

    private static string SeverityName(int number) => number switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        > 0 => "Trace",
        _ => "Unspecified",
    };
}
