using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Infrastructure;
using OrderPlatform.Hosting.Model;

namespace OrderPlatform.UnitTests.Hosting;

/// <summary>The system's wiring, as the AppHost would start it, without starting anything.</summary>
public sealed class OrderPlatformSystemTests
{
    private static readonly AppHostOptions Options = new() { RepositoryRoot = "/repo", UseFixedPorts = true };
    private static readonly HostingContext Context = new(Options, "test", "/tmp/test", new Uri("http://127.0.0.1:18888"));

    [Fact]
    public void Every_service_gets_its_own_database_the_broker_and_the_telemetry_endpoint()
    {
        var system = OrderPlatformSystem.Build(Options);

        foreach (var name in OrderPlatformSystem.Services)
        {
            var environment = system.Get<ProjectResource>(name).BuildEnvironment(Context);
            Assert.Contains($"ConnectionStrings__{name}db", environment.Keys);
            Assert.Contains("ConnectionStrings__messaging", environment.Keys);
            Assert.Equal(name, environment["OTEL_SERVICE_NAME"]);
            Assert.Equal("http://127.0.0.1:18888", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            if (name != "accounts")
            {
                // Each service validates tokens itself, with the keys Accounts publishes.
                Assert.Equal(system.Get<ProjectResource>("accounts").HttpAddress.ToString(), environment["services__accounts__http__0"]);
            }
            Assert.DoesNotContain(environment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                && key.EndsWith("db", StringComparison.Ordinal) && key != $"ConnectionStrings__{name}db");
        }
    }

    [Fact]
    public void The_gateway_knows_every_service_address_and_waits_for_all_of_them()
    {
        var system = OrderPlatformSystem.Build(Options);
        var gateway = system.Get<ProjectResource>("gateway");
        var environment = gateway.BuildEnvironment(Context);

        foreach (var name in OrderPlatformSystem.Services)
        {
            var service = system.Get<ProjectResource>(name);
            Assert.Equal(service.HttpAddress.ToString(), environment[$"services__{name}__http__0"]);
            Assert.Contains(service, gateway.WaitsFor);
        }
    }

    [Fact]
    public void Services_wait_for_postgres_and_rabbitmq_and_the_well_known_ports_are_those_of_the_api_contract()
    {
        var system = OrderPlatformSystem.Build(Options);

        Assert.Contains(system.Get<PostgresServer>("postgres"), system.Get<ProjectResource>("ordering").WaitsFor);
        Assert.Contains(system.Get<RabbitMqServer>("messaging"), system.Get<ProjectResource>("ordering").WaitsFor);
        Assert.Equal(5080, system.Get<ProjectResource>("gateway").Port);
        Assert.Equal(5090, system.Get<ProjectResource>("sandboxes").Port);
        Assert.Equal(new Uri("http://127.0.0.1:18888"), system.DashboardAddress);
    }

    [Fact]
    public void Connection_strings_are_masked_on_the_dashboard()
    {
        var catalog = OrderPlatformSystem.Build(Options).Get<ProjectResource>("catalog");

        Assert.Empty(catalog.DisplayEnvironment); // nothing to show before it starts
        Assert.All(catalog.BuildEnvironment(Context).Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)),
            key => Assert.Contains(key, catalog.SecretVariableNames));
    }
}
