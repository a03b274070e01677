using Yarp.ReverseProxy.Configuration;

namespace OrderPlatform.Gateway;

/// <summary>
/// Builds YARP's routes and clusters from configuration: <c>Gateway:Routes:{service}</c> lists the
/// public paths a service answers, and <c>services:{service}:http:0</c> (set by the AppHost, or by
/// the cluster's service discovery) says where it is.
/// </summary>
public sealed record GatewayRoutes(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters, IReadOnlyDictionary<string, Uri> Services)
{
    public static GatewayRoutes From(IConfiguration configuration, TimeSpan? upstreamTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var services = new Dictionary<string, Uri>();
        foreach (var service in configuration.GetSection("Gateway:Routes").GetChildren())
        {
            var address = configuration[$"services:{service.Key}:http:0"];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException(
                    $"services:{service.Key}:http:0 is required: where the {service.Key} service answers (the AppHost sets services__{service.Key}__http__0).");
            }

            services[service.Key] = uri;
            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Key,
                Destinations = new Dictionary<string, DestinationConfig> { [service.Key] = new() { Address = uri.ToString() } },
                // A service that does not answer in time is a 504 problem, never a hanging client.
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = upstreamTimeout ?? TimeSpan.FromSeconds(30) },
            });
            var paths = service.GetChildren().Select(path => path.Value).OfType<string>().ToList();
            routes.AddRange(paths.Select((path, index) => new RouteConfig
            {
                RouteId = $"{service.Key}-{index}",
                ClusterId = service.Key,
                Match = new RouteMatch { Path = path },
            }));
        }

        if (clusters.Count == 0)
        {
            throw new InvalidOperationException("Gateway:Routes lists no service.");
        }

        return new GatewayRoutes(routes, clusters, services);
    }
}
