using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderPlatform.Hosting.Model;

namespace OrderPlatform.Hosting.Dashboard;

/// <summary>
/// The operations dashboard on its own address: every resource with state, pid, uptime, restarts,
/// endpoints and masked environment; each resource's console output; and the OTLP/HTTP endpoint the
/// services export to, decoded into traces, structured logs and metrics held in bounded memory.
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
        var store = new Telemetry.TelemetryStore();
        var settings = application.Options.ServiceSettings;
        var operations = new OperationsFeed(() => application.Get<ProjectResource>("gateway").HttpAddress,
            settings.GetValueOrDefault("Accounts__BootstrapOps__Email") ?? "ops@orderplatform.test",
            settings.GetValueOrDefault("Accounts__BootstrapOps__Password") ?? "Ops-Dev-2026!");

        web.Lifetime.ApplicationStopped.Register(operations.Dispose);
        web.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        web.MapGet("/api/resources", () => Results.Json(application.Resources.Select(ResourceView.Of)));
        web.MapGet("/api/resources/{name}/logs", (string name, int? tail) =>
            application.Resources.FirstOrDefault(resource => resource.Name == name) is { } resource
                ? Results.Json(resource.Log.Tail(Math.Clamp(tail ?? 500, 1, 2000)))
                : Results.NotFound());
        web.MapPost("/api/resources/{name}/{action:regex(^(stop|start|restart)$)}", async (string name, string action) =>
        {
            if (application.Resources.FirstOrDefault(resource => resource.Name == name) is not ProjectResource project)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No service {name}: only services can be stopped, started or restarted.");
            }

            var done = action switch
            {
                "stop" => await project.StopByOperatorAsync(),
                "start" => project.StartByOperator(),
                _ => await project.RestartByOperatorAsync(),
            };
            return done ? Results.Accepted() : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"{name} cannot {action} now ({project.State}).");
        });
        web.MapGet("/api/queues", async (CancellationToken cancellationToken) =>
            application.Resources.OfType<Infrastructure.RabbitMqServer>().FirstOrDefault() is { State: ResourceState.Running } broker
                ? Results.Json(await BrokerQueues.ListAsync(broker, cancellationToken))
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "RabbitMQ is not running."));
        web.MapGet("/api/queues/{virtualHost}/{queue}/messages", async (string virtualHost, string queue, CancellationToken cancellationToken) =>
            application.Resources.OfType<Infrastructure.RabbitMqServer>().FirstOrDefault() is { State: ResourceState.Running } broker
                // "/" arrives as %2F, which routing leaves encoded.
                ? Results.Json(await BrokerQueues.PeekAsync(broker, Uri.UnescapeDataString(virtualHost), queue, cancellationToken))
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "RabbitMQ is not running."));
        web.MapGet("/api/operations", async (CancellationToken cancellationToken) => Results.Json(await operations.ReadAsync(cancellationToken)));
        web.MapGet("/api/telemetry", () => Results.Json(telemetry.Snapshot()));
        web.MapGet("/api/traces", (string? resource, string? text, int? limit) => Results.Json(store.Traces(resource, text, Math.Clamp(limit ?? 100, 1, 1000))));
        web.MapGet("/api/traces/{traceId}", (string traceId) => store.Trace(traceId) is { Count: > 0 } spans ? Results.Json(spans) : Results.NotFound());
        web.MapGet("/api/logs", (string? resource, string? level, string? text, string? traceId, int? limit) =>
            Results.Json(store.Logs(resource, level, text, traceId, Math.Clamp(limit ?? 200, 1, 2000))));
        web.MapGet("/api/metrics", () => Results.Json(store.MetricNames()));
        web.MapGet("/api/metrics/{name}", (string name, string? resource) => Results.Json(store.Metric(name, resource)));
        foreach (var signal in (string[])["traces", "logs", "metrics"])
        {
            web.MapPost($"/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
                telemetry.Record(signal, body.Length);
                try
                {
                    Decode(store, signal, body.ToArray());
                }
                catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Not an OTLP/HTTP protobuf {signal} export.");
                }

                // An empty Export*ServiceResponse: everything accepted.
                return Results.Bytes([], "application/x-protobuf");
            });
        }

        await web.StartAsync(cancellationToken);
        return new DashboardServer(web);
    }

    private static void Decode(Telemetry.TelemetryStore store, string signal, byte[] body)
    {
        switch (signal)
        {
            case "traces":
                store.Add(Telemetry.OtlpDecoder.Traces(body));
                break;
            case "logs":
                store.Add(Telemetry.OtlpDecoder.Logs(body));
                break;
            default:
                store.Add(Telemetry.OtlpDecoder.Metrics(body));
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}
