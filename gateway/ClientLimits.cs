using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OrderPlatform.Gateway;

/// <summary>
/// Per-client request limits (by address): a general one, and a stricter one on sign-in and password
/// reset, where guessing happens. Over the limit: 429 with Retry-After and a problem body.
/// </summary>
internal static class ClientLimits
{
    private const string Strict = "strict";

    public static readonly string[] StrictPaths = ["/api/accounts/token", "/api/accounts/password-reset"];

    public static IServiceCollection AddClientLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var general = configuration.GetValue("Gateway:RateLimit:PerMinute", 600);
        var strict = configuration.GetValue("Gateway:RateLimit:SignInPerMinute", 20);
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var isStrict = StrictPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
                return RateLimitPartition.GetFixedWindowLimiter(
                    (isStrict ? Strict + ":" : "") + client,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = isStrict ? strict : general, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests: slow down and try again later." },
                });
            };
        });
    }
}
