using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrderPlatform.ServiceDefaults.Health;

namespace OrderPlatform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Telemetry, health, service discovery, resilience, problem details and OpenAPI.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        CorrelatedConsoleFormatter.Register(builder);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails();
        MalformedRequestHandler.Register(builder.Services);
        UnstorableInput.Register(builder.Services);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Problem details for every error (no stack trace reaches a client), <c>/health</c> (ready: every
    /// check, database and broker included), <c>/alive</c> (live: the process answers) and the OpenAPI
    /// document. Call it first after <c>Build()</c> so the error handling wraps every endpoint.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Here rather than where the framework would put them (first), so a 401 or 403 gets its problem details too.
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.UseUnstorableInputChecks();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapOpenApi();
        return app;
    }

    /// <summary>Endpoints that the health probes call are left out of traces.</summary>
    internal static bool IsProbe(string? path) =>
        path is not null && (path.StartsWith("/health", StringComparison.Ordinal) || path.StartsWith("/alive", StringComparison.Ordinal));

}
