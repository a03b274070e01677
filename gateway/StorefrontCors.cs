namespace OrderPlatform.Gateway;

/// <summary>Browsers may call the API from the storefront origins configured in <c>Gateway:Cors:Origins</c>, and from no other.</summary>
internal static class StorefrontCors
{
    public static IServiceCollection AddStorefrontCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Gateway:Cors:Origins").Get<string[]>() ?? [];
        return services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(CorrelationId.Header, "Retry-After", "Location");
            }
        }));
    }
}
