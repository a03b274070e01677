using OrderPlatform.Gateway;
using Scalar.AspNetCore;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication();

var limits = GatewayOptions.From(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
var gateway = GatewayRoutes.From(builder.Configuration, limits.UpstreamTimeout);
builder.Services.AddClientLimits(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddStorefrontCors(builder.Configuration);
builder.Services.AddSingleton(gateway);
builder.Services.AddSingleton<PlatformOpenApi>();
builder.Services.AddReverseProxy().LoadFromMemory(gateway.Routes, gateway.Clusters);

var health = builder.Services.AddHealthChecks();
foreach (var (name, address) in gateway.Services)
{
    health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
        name,
        _ => new DownstreamHealthCheck(address),
        // Degraded, not Unhealthy: /health is this gateway's readiness, and one slow or sick service must not take the whole public
        // entry out of a load balancer (its routes answer 502/504 problems meanwhile); the body still names the service.
        failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded,
        tags: [ServiceDefaultsExtensions.ReadyTag],
        timeout: TimeSpan.FromSeconds(5)));
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseCorrelationId();
app.Use((context, next) =>
{
    if (HttpMethods.IsPost(context.Request.Method) && GatewayOptions.UploadPaths.Any(path => context.Request.Path.StartsWithSegments(path))
        && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
    {
        body.MaxRequestBodySize = limits.MaxUploadBytes;
    }

    return next(context);
});
app.UseForwardedHeaders();
app.UseCors();
app.UseRateLimiter();
app.UseTokenGate();
app.MapGet(PlatformOpenApi.Path, async (PlatformOpenApi openApi, CancellationToken cancellationToken) =>
    Results.Json(await openApi.GetAsync(cancellationToken))).ExcludeFromDescription();
app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("OrderPlatform API").WithOpenApiRoutePattern(PlatformOpenApi.Path));
app.MapReverseProxy();

await app.RunAsync();

/// <summary>Visible to the tests that host the gateway in memory.</summary>
public partial class Program;
