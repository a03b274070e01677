using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderPlatform.Hosting.Model;

namespace OrderPlatform.Hosting.Dashboard;

/// <summary>
/// The operations dashboard on its own address: every resource with state, pid, uptime, restarts,
/// endpoints and masked environment; each resource's console output; and the OTLP/HTTP endpoint the
/// services export to. This dashboard counts what arrives; decoding and charting it is the
/// dashboard issue's.
/// </summary>
internal sealed class DashboardServer(WebApplication web) : IAsyncDisposable
{
    public static async Task<DashboardServer> StartAsync(DistributedApplication application, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(application.DashboardAddress.ToString());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        var web = builder.Build();
        var telemetry = new TelemetryCounters();

        web.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        web.MapGet("/api/resources", () => Results.Json(application.Resources.Select(ResourceView.Of)));
        web.MapGet("/api/resources/{name}/logs", (string name, int? tail) =>
            application.Resources.FirstOrDefault(resource => resource.Name == name) is { } resource
                ? Results.Json(resource.Log.Tail(Math.Clamp(tail ?? 500, 1, 2000)))
                : Results.NotFound());
        web.MapGet("/api/telemetry", () => Results.Json(telemetry.Snapshot()));
        foreach (var signal in (string[])["traces", "logs", "metrics"])
        {
            web.MapPost($"/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
                telemetry.Record(signal, body.Length);
                // An empty Export*ServiceResponse: everything accepted.
                return Results.Bytes([], "application/x-protobuf");
            });
        }

        await web.StartAsync(cancellationToken);
        return new DashboardServer(web);
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}
