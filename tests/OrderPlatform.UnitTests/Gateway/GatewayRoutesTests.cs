extern alias gateway;
using gateway::OrderPlatform.Gateway;
using Microsoft.Extensions.Configuration;

namespace OrderPlatform.UnitTests.Gateway;

public sealed class GatewayRoutesTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    [Fact]
    public void Each_public_path_of_a_service_becomes_a_route_to_its_address()
    {
        var routes = GatewayRoutes.From(Configuration(new()
        {
            ["Gateway:Routes:ordering:0"] = "/api/orders/{**rest}",
            ["Gateway:Routes:ordering:1"] = "/api/promotions/{**rest}",
            ["services:ordering:http:0"] = "http://127.0.0.1:41000",
        }));

        var cluster = Assert.Single(routes.Clusters);
        Assert.Equal("http://127.0.0.1:41000/", Assert.Single(cluster.Destinations!).Value.Address);
        Assert.Equal(["/api/orders/{**rest}", "/api/promotions/{**rest}"], routes.Routes.Select(route => route.Match.Path));
        Assert.All(routes.Routes, route => Assert.Equal("ordering", route.ClusterId));
    }

    [Fact]
    public void A_service_without_an_address_stops_the_gateway_at_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayRoutes.From(Configuration(new()
        {
            ["Gateway:Routes:catalog:0"] = "/api/catalog/{**rest}",
        })));

        Assert.Contains("services:catalog:http:0", error.Message, StringComparison.Ordinal);
    }
}
