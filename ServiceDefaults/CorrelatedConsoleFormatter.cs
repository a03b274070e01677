using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// One console line per log entry, carrying the trace id the gateway returns as <c>X-Correlation-Id</c>:
/// <c>07:12:03.120 warn [4bf92f35…] Category: message</c>. An operator who has a customer's correlation
/// id greps every service's console for it; the same id finds the trace in the dashboard.
/// </summary>
public sealed class CorrelatedConsoleFormatter(TimeProvider time) : ConsoleFormatter(Name)
{
    public new const string Name = "correlated";

    internal static void Register(IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsole(options => options.FormatterName = Name);
        builder.Logging.AddConsoleFormatter<CorrelatedConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.AddSingleton(TimeProvider.System);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var traceId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : "-";
        textWriter.Write(time.GetUtcNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(" [");
        textWriter.Write(traceId);
        textWriter.Write("] ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        // One entry, one line: a multi-line message would split the correlation from its text.
        textWriter.Write(message?.ReplaceLineEndings(" | "));
        if (logEntry.Exception is { } error)
        {
            textWriter.Write(" | ");
            textWriter.Write(error.ToString().ReplaceLineEndings(" | "));
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
