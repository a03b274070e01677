using System.Diagnostics;

namespace OrderPlatform.Gateway;

/// <summary>
/// Every response says which trace it belongs to (<c>X-Correlation-Id</c>, the W3C trace id), the id an
/// operator searches the logs and traces for; the trace context itself travels downstream as traceparent.
/// </summary>
internal static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
