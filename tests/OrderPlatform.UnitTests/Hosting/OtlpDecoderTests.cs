using System.Buffers.Binary;
using System.Text;
using OrderPlatform.Hosting.Dashboard.Telemetry;

namespace OrderPlatform.UnitTests.Hosting;

/// <summary>The dashboard reads OTLP/HTTP protobuf exports as opentelemetry-proto defines them.</summary>
public sealed class OtlpDecoderTests
{
    private static readonly byte[] TraceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Spans_carry_their_service_trace_parent_timing_attributes_and_status()
    {
        var span = Message()
            .Bytes(1, TraceId).Bytes(2, [1, 2, 3, 4, 5, 6, 7, 8]).Bytes(4, [9, 9, 9, 9, 9, 9, 9, 9]).String(5, "POST /api/orders").Varint(6, 2)
            .Fixed64(7, Nanos(Start)).Fixed64(8, Nanos(Start.AddMilliseconds(42))).Bytes(9, KeyValue("http.route", Message().String(1, "/api/orders")))
            .Bytes(15, Message().String(2, "boom").Varint(3, 2));
        var request = Message().Bytes(1, Message().Bytes(1, Resource("ordering")).Bytes(2, Message().Bytes(1, Message().String(1, "Microsoft.AspNetCore")).Bytes(2, span)));

        var decoded = Assert.Single(OtlpDecoder.Traces(request.ToArray()));

        Assert.Equal(("ordering", "Microsoft.AspNetCore", "POST /api/orders", "0af7651916cd43dd8448eb211c80319c"), (decoded.Resource, decoded.Scope, decoded.Name, decoded.TraceId));
        Assert.Equal(("0102030405060708", "0909090909090909"), (decoded.SpanId, decoded.ParentSpanId));
        Assert.Equal(42, decoded.DurationMs, 3);
        Assert.Equal((2, "boom", "/api/orders"), (decoded.StatusCode, decoded.StatusMessage, decoded.Attributes["http.route"]));
    }

    [Fact]
    public void Log_records_read_as_written_with_their_level_and_trace()
    {
        var record = Message().Fixed64(1, Nanos(Start)).Varint(2, 13).String(3, "Warning")
            .Bytes(5, Message().String(1, "Shipment {ShipmentId}: no label"))
            .Bytes(6, KeyValue("ShipmentId", Message().String(1, "abc"))).Bytes(6, KeyValue("Attempt", Message().Varint(3, 3)))
            .Bytes(9, TraceId).Bytes(10, [1, 2, 3, 4, 5, 6, 7, 8]);
        var request = Message().Bytes(1, Message().Bytes(1, Resource("shipping")).Bytes(2, Message().Bytes(1, Message().String(1, "LabelBooking")).Bytes(2, record)));

        var log = Assert.Single(OtlpDecoder.Logs(request.ToArray()));

        Assert.Equal(("shipping", "LabelBooking", "Warning", "Shipment abc: no label"), (log.Resource, log.Category, log.Level, log.Message));
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "3"), (log.TraceId, log.Attributes["Attempt"]));
        Assert.Equal(Start, log.Time);
    }

    [Fact]
    public void Sums_gauges_and_histograms_give_points_per_series()
    {
        var sumPoint = Message().Fixed64(3, Nanos(Start)).Double(4, 7.5).Bytes(7, KeyValue("status", Message().String(1, "confirmed")));
        var histogramPoint = Message().Fixed64(3, Nanos(Start)).Fixed64(4, 12).Double(5, 340.0);
        var resourceMetrics = Message().Bytes(1, Resource("ordering"))
            .Bytes(2, Message().Bytes(2, Message().String(1, "orderplatform.orders.stuck").String(3, "{order}").Bytes(7, Message().Bytes(1, sumPoint))))
            .Bytes(2, Message().Bytes(2, Message().String(1, "http.server.request.duration").String(3, "s").Bytes(9, Message().Bytes(1, histogramPoint))));
        var request = Message().Bytes(1, resourceMetrics);

        var points = OtlpDecoder.Metrics(request.ToArray());

        Assert.Equal([("orderplatform.orders.stuck", 7.5, "status=confirmed"), ("http.server.request.duration", 12, "")],
            points.Select(p => (p.Name, p.Value, p.Series)));
    }

    [Fact]
    public void The_store_keeps_a_bounded_number_and_groups_spans_by_trace()
    {
        var store = new TelemetryStore(maxSpans: 3);
        SpanRecord Span(string trace, string id, string? parent, int ms) =>
            new(trace, id, parent, "gateway", "", "GET", 2, Start.AddMilliseconds(ms), Start.AddMilliseconds(ms + 5), 0, null, new Dictionary<string, string>());

        store.Add([Span("t1", "a", null, 0), Span("t2", "b", null, 10), Span("t2", "c", "b", 11), Span("t2", "d", "c", 12)]);

        Assert.Empty(store.Trace("t1")); // the oldest went
        var trace = Assert.Single(store.Traces(null, null, 10));
        Assert.Equal(("t2", 3, "gateway: GET"), (trace.TraceId, trace.Spans, trace.Root));
    }

    private static ulong Nanos(DateTimeOffset at) => (ulong)(at - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static byte[] Resource(string service) => Message().Bytes(1, KeyValue("service.name", Message().String(1, service))).ToArray();

    private static byte[] KeyValue(string key, Proto value) => Message().String(1, key).Bytes(2, value).ToArray();

    private static Proto Message() => new();

    /// <summary>Writes protobuf's wire format, as an OTLP exporter does.</summary>
    private sealed class Proto
    {
        private readonly List<byte> bytes = [];

        public byte[] ToArray() => [.. bytes];

        public Proto Varint(int field, ulong value) => Tag(field, 0).Raw(value);

        public Proto Fixed64(int field, ulong value)
        {
            Tag(field, 1);
            var buffer = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
            bytes.AddRange(buffer);
            return this;
        }

        public Proto Double(int field, double value) => Fixed64(field, (ulong)BitConverter.DoubleToInt64Bits(value));

        public Proto Bytes(int field, byte[] value)
        {
            Tag(field, 2).Raw((ulong)value.Length);
            bytes.AddRange(value);
            return this;
        }

        public Proto Bytes(int field, Proto value) => Bytes(field, value.ToArray());

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        private Proto Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private Proto Raw(ulong value)
        {
            do
            {
                var b = (byte)(value & 0x7F);
                value >>= 7;
                bytes.Add(value == 0 ? b : (byte)(b | 0x80));
            }
            while (value != 0);
            return this;
        }
    }
}
