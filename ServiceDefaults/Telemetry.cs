using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrderPlatform.ServiceDefaults;

internal static class Telemetry
{
    // Sources emitted by the libraries every service uses.
    private static readonly string[] Sources = ["MassTransit", "Marten", "OrderPlatform.*"];

    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceIdentity.NameOf(builder.Environment);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Sources)
                .AddMeter("OrderPlatform.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !ServiceDefaultsExtensions.IsProbe(http.Request.Path.Value))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        // The AppHost (or a real collector in a cluster) says where telemetry goes.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
