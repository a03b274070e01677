extern alias gateway;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.IntegrationTests.Gateway;

/// <summary>
/// Tokens signed with keys Accounts never published (a forger's, each naming a new key id) are refused at the gateway without
/// making it read Accounts' keys again for each: one reader per process, at most every few seconds, and forged key ids remembered.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private readonly RsaSecurityKey published = new(RSA.Create(2048)) { KeyId = "accounts-key-1" };
    private WebApplication accounts = null!;
    private WebApplicationFactory<gateway::Program> factory = null!;
    private int keyReads;

    public async Task InitializeAsync()
    {
        // Accounts as the services see it: its discovery document and its published key, each read counted.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        builder.WebHost.UseUrls(address);
        accounts = builder.Build();
        accounts.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref keyReads);
            return Results.Json(new Dictionary<string, string> { ["issuer"] = PlatformAuthentication.Issuer, ["jwks_uri"] = $"{address}/.well-known/jwks" });
        });
        var jwks = new JsonWebKeySet();
        jwks.Keys.Add(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(published.Rsa.ExportParameters(false)) { KeyId = published.KeyId }));
        var jwksJson = System.Text.Json.JsonSerializer.Serialize(new { keys = jwks.Keys.Select(key => new { key.Kty, key.Kid, key.N, key.E, use = "sig", alg = "RS256" }) });
        accounts.MapGet("/.well-known/jwks", () =>
        {
            Interlocked.Increment(ref keyReads);
            return Results.Text(jwksJson, "application/json");
        });
        await accounts.StartAsync();

        factory = new WebApplicationFactory<gateway::Program>().WithWebHostBuilder(host =>
        {
            foreach (var service in PlatformServices.Names)
            {
                host.UseSetting($"services:{service}:http:0", $"http://127.0.0.1:{FreePort.Next()}"); // nothing listens
            }

            host.UseSetting("services:accounts:http:0", address);
            host.UseSetting("Gateway:RateLimit:PerMinute", "100000"); // one client sends them all: the limit is not what is tested
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await accounts.DisposeAsync();
    }

    [Fact]
    public async Task A_thousand_forged_tokens_are_refused_and_Accounts_keys_are_read_a_few_times_not_a_thousand()
    {
        using var client = factory.CreateClient();
        // The gateway's first request reads the keys once, as it starts to validate.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, Token(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged-0" }))).StatusCode);
        var readsBefore = keyReads;
        var forger = RSA.Create(2048);

        var answers = new List<HttpStatusCode>();
        foreach (var batch in Enumerable.Range(1, 1000).Chunk(25))
        {
            var sent = await Task.WhenAll(batch.Select(async i =>
            {
                using var response = await SendAsync(client, Token(new RsaSecurityKey(forger) { KeyId = $"forged-{i}" }));
                return response.StatusCode;
            }));
            answers.AddRange(sent);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        // Discovery and JWKS are two reads; the handler's own refresh and ours, at most every 5 s, over a run of a few seconds.
        Assert.InRange(keyReads - readsBefore, 0, 8);

        // A token signed with the key Accounts published still passes the gate (to a catalogue that is down: 502, not 401).
        using var genuine = await SendAsync(client, Token(published));
        Assert.Equal(HttpStatusCode.BadGateway, genuine.StatusCode);
    }

    private static string Token(SecurityKey key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = PlatformAuthentication.Issuer,
        Audience = PlatformAuthentication.Audience,
        Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", Guid.NewGuid().ToString())]),
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog/products", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
