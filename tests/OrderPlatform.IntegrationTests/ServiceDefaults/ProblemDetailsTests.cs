using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.IntegrationTests.ServiceDefaults;

/// <summary>No bare 500s and no stack traces to clients, whatever the environment.</summary>
public sealed class ProblemDetailsTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_unhandled_exception_is_a_500_problem_that_tells_nothing_of_the_internals(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/boom", string () => throw new InvalidOperationException("connection to 10.1.2.3 refused for user shop_admin"));
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("shop_admin", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_that_does_not_exist_is_a_404_problem()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Development", "POST", "/things", "{")]
    [InlineData("Development", "POST", "/things", "[1, 2]")]
    [InlineData("Development", "POST", "/things", "{\"count\": \"many\"}")]
    [InlineData("Development", "POST", "/things", "{\"count\": 1e400}")]
    [InlineData("Development", "GET", "/things?page=abc", null)]
    [InlineData("Production", "POST", "/things", "{")]
    [InlineData("Production", "GET", "/things?page=abc", null)]
    public async Task A_request_that_cannot_be_read_is_a_400_problem_saying_so_never_a_500(string environment, string method, string path, string? body)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPost("/things", (Thing thing) => TypedResultsOk(thing.Count));
        app.MapGet("/things", (int page) => TypedResultsOk(page));
        await app.StartAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/things", "{\"name\": \"Robe\\u0000 d'été\"}", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/things?name=%00", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/things/00000000-0000-0000-0000-000000000000", null, HttpStatusCode.NotFound)]
    public async Task A_nul_character_or_an_all_zero_id_is_answered_with_a_problem_before_any_endpoint_runs(string method, string path, string? body,
        HttpStatusCode expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        var reached = 0;
        app.MapPost("/things", (NamedThing thing) => Interlocked.Increment(ref reached));
        app.MapGet("/things", (string name) => Interlocked.Increment(ref reached));
        app.MapGet("/things/{id:guid}", (Guid id) => Interlocked.Increment(ref reached));
        await app.StartAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, reached);
    }

    [Fact]
    public async Task A_nul_character_postgresql_refuses_is_a_400_problem_not_a_500()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        // What Npgsql throws when a form field with a NUL reaches a text column.
        app.MapPost("/forms", string () => throw new Npgsql.PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"));
        await app.StartAsync();

        using var response = await app.GetTestClient().PostAsync(new Uri("/forms", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int TypedResultsOk(int value) => value;

    private sealed record Thing(int Count);

    private sealed record NamedThing(string Name);
}
