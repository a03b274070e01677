using Microsoft.AspNetCore.HttpOverrides;

namespace OrderPlatform.Gateway;

/// <summary>
/// Behind a load balancer every customer's connection comes from the balancer, so every customer would share one rate-limit
/// bucket. The client is who the balancer says it is (its X-Forwarded-For), but only a balancer on a network listed in
/// <c>Gateway:TrustedProxies</c> (CIDR, e.g. <c>10.0.0.0/8</c>) may say it: anyone else's X-Forwarded-For is ignored, so a
/// client cannot pick its own bucket. None by default (not even loopback). The services behind get the address the gateway
/// settled on (the proxy sets X-Forwarded-For itself).
/// </summary>
internal static class TrustedProxies
{
    public const string Setting = "Gateway:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = (configuration.GetSection(Setting).Get<string[]>() ?? []).Select(network =>
            System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Setting} holds '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }
}
