extern alias gateway;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Gateway;

/// <summary>
/// When a service is down or stuck, the gateway answers with a problem (502 or 504) in bounded time,
/// never a hang, and every answer carries the correlation id an operator searches for.
/// </summary>
public sealed class UnavailableServiceTests : IDisposable
{
    private readonly TcpListener stuck = new(IPAddress.Loopback, 0);
    private readonly WebApplicationFactory<gateway::Program> factory;

    public UnavailableServiceTests()
    {
        stuck.Start(); // accepts connections, never answers
        var stuckPort = ((IPEndPoint)stuck.LocalEndpoint).Port;
        factory = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Gateway:UpstreamTimeout", "00:00:02");
            foreach (var service in PlatformServices.Names)
            {
                host.UseSetting($"services:{service}:http:0", $"http://127.0.0.1:{FreePort.Next()}"); // nothing listens
            }

            host.UseSetting("services:ordering:http:0", $"http://127.0.0.1:{stuckPort}");
        });
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_502_problem_at_once()
    {
        using var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri("/api/catalog/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_a_504_problem_after_the_timeout()
    {
        using var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri($"/api/orders/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task The_gateway_stays_ready_when_services_do_not_answer_and_its_health_names_them_degraded()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        // Ready (a load balancer keeps sending to this copy: its routes answer problems), and an operator reads which service is sick.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"catalog\":{\"status\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"ordering\":{\"status\":\"Degraded\"", body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        factory.Dispose();
        stuck.Stop();
        stuck.Dispose();
    }
}
