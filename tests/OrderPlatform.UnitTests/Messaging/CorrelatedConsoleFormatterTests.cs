using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.UnitTests.Messaging;

/// <summary>Every console line carries the correlation id (the trace id the gateway returns), on one line.</summary>
public sealed class CorrelatedConsoleFormatterTests
{
    [Fact]
    public void A_line_written_inside_a_request_names_its_trace_id()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var line = Write("Order CMD-1 placed\nsecond line");

        Assert.Contains($"[{activity.TraceId.ToHexString()}]", line, StringComparison.Ordinal);
        Assert.Contains("info", line, StringComparison.Ordinal);
        Assert.EndsWith("Ordering: Order CMD-1 placed | second line" + Environment.NewLine, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_outside_any_request_says_so()
    {
        Assert.Null(Activity.Current);
        Assert.Contains(" [-] ", Write("Started"), StringComparison.Ordinal);
    }

    private static string Write(string message)
    {
        using var writer = new StringWriter();
        new CorrelatedConsoleFormatter(TimeProvider.System).Write(
            new LogEntry<string>(LogLevel.Information, "Ordering", default, message, null, (state, _) => state), null, writer);
        return writer.ToString();
    }
}
