extern alias gateway;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Gateway;

/// <summary>Per-client limits, stricter where passwords are guessed, and CORS for the storefront's origin only.</summary>
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

    public void Dispose() => factory.Dispose();
}
