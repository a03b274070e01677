extern alias gateway;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Gateway;

/// <summary>
/// Per-client limits, stricter where passwords are guessed, a client behind a trusted load balancer counted as itself, and CORS for
/// the storefront's origin only.
/// </summary>
public sealed class ClientLimitsTests : IDisposable
{
    private readonly WebApplicationFactory<gateway::Program> factory = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(host =>
    {
        host.UseSetting("Gateway:RateLimit:PerMinute", "5");
        host.UseSetting("Gateway:RateLimit:SignInPerMinute", "2");
        host.UseSetting("Gateway:Cors:Origins:0", "https://boutique.example.fr");
        foreach (var service in PlatformServices.Names)
        {
            host.UseSetting($"services:{service}:http:0", $"http://127.0.0.1:{FreePort.Next()}");
        }
    });

    [Fact]
    public async Task Sign_in_is_limited_more_strictly_and_says_when_to_retry()
    {
        using var client = factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.PostAsJsonAsync(new Uri("/api/accounts/token", UriKind.Relative), new { email = "a@b.fr", password = "x" }));
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, answers[1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].StatusCode);
        Assert.True(answers[2].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", answers[2].Content.Headers.ContentType?.MediaType);
        answers.ForEach(answer => answer.Dispose());
    }

    [Fact]
    public async Task Other_requests_have_their_own_larger_allowance()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/catalog/products", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Theory]
    [InlineData("https://boutique.example.fr", true)]
    [InlineData("https://ailleurs.example.com", false)]
    public async Task Browsers_may_call_from_the_storefront_origin_only(string origin, bool allowed)
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/catalog/products", UriKind.Relative));
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    [Fact]
    public async Task Behind_a_trusted_load_balancer_each_customer_has_their_own_allowance_and_no_one_else_can_choose_theirs()
    {
        using var behindBalancer = factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Gateway:TrustedProxies:0", "10.0.0.0/8");
            host.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectingFrom(IPAddress.Parse("10.1.2.3"))));
        });
        using var fromElsewhere = factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Gateway:TrustedProxies:0", "10.0.0.0/8");
            host.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectingFrom(IPAddress.Parse("198.51.100.7"))));
        });

        // Through the balancer: a customer who used up the sign-in allowance does not use up another customer's.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInsAsync(behindBalancer, "203.0.113.1", 3))[2]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignInsAsync(behindBalancer, "203.0.113.2", 1))[0]);
        // Not through it: the header is ignored, so changing it does not buy another allowance.
        await SignInsAsync(fromElsewhere, "203.0.113.3", 2);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInsAsync(fromElsewhere, "203.0.113.4", 1))[0]);
    }

    private static async Task<List<HttpStatusCode>> SignInsAsync(WebApplicationFactory<gateway::Program> gateway, string forwardedFor, int count)
    {
        using var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/accounts/token", UriKind.Relative))
            {
                Content = JsonContent.Create(new { email = "a@b.fr", password = "x" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>The in-memory server has no connection: this is where requests seem to come from.</summary>
    private sealed class ConnectingFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public void Dispose() => factory.Dispose();
}
