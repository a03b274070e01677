using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderPlatform.Gateway;

/// <summary>Whether a service behind the gateway answers its own <c>/health</c>: one check per service, by name.</summary>
internal sealed class DownstreamHealthCheck(Uri service) : IHealthCheck
{
    // A probe is one quick try, without the retries of the standard resilience handler.
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri(service, "/health"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"{service} answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} does not answer.", e);
        }
    }
}
