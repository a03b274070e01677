using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Accounts' signing key changes (on schedule, or now when ops fear a leak) while customers stay signed in: the next key is
/// published before it signs, the old one stays published until its tokens expire, and every service accepts both.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SigningKeyRotationTests(PlatformFixture platform)
{
    // Where each service checks the token itself, behind the gateway.
    private static readonly string[] SignedInReads = ["/api/accounts/me", "/api/orders", "/api/returns", "/api/payments/store-credit"];

    [Fact]
    public async Task A_rotation_signs_nobody_out_and_new_tokens_use_the_new_key()
    {
        var email = Accounts.NewEmail();
        (await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();
        var before = await Accounts.TokenAsync(platform.Gateway, email, "Mot-de-passe-2026");
        await AllAcceptAsync(before);
        using var ops = await Accounts.OpsAsync(platform.Gateway);

        using var rotation = await ops.PostAsync("/api/ops/accounts/signing-keys/rotation", null);
        Assert.Equal(HttpStatusCode.Accepted, rotation.StatusCode);
        var next = await rotation.Content.ReadFromJsonAsync<JsonElement>();
        var nextKey = next.GetProperty("keyId").GetString()!;
        using var jwksClient = new HttpClient { BaseAddress = platform.Endpoint("accounts") };
        var published = (await jwksClient.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json")).GetProperty("keys").EnumerateArray()
            .Select(key => key.GetProperty("kid").GetString()).ToList();
        Assert.Contains(nextKey, published); // published before it signs
        Assert.Contains(KeyIdOf(before), published);

        var after = await Eventually.GetAsync(async () =>
        {
            var token = await Accounts.TokenAsync(platform.Gateway, email, "Mot-de-passe-2026");
            return KeyIdOf(token) == nextKey ? token : null;
        }, TimeSpan.FromSeconds(30), "a token signed with the new key");

        await AllAcceptAsync(after);
        await AllAcceptAsync(before); // the old key's tokens live out their 15 minutes
        using var customer = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", after);
        using var refused = await customer.PostAsync("/api/ops/accounts/signing-keys/rotation", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await platform.TablesContainingAsync("accountsdb", "PRIVATE KEY")); // sealed at rest
    }

    private async Task AllAcceptAsync(string token)
    {
        using var customer = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var path in SignedInReads)
        {
            using var response = await customer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} with a token of key {KeyIdOf(token)}: {(int)response.StatusCode}");
        }
    }

    private static string KeyIdOf(string token) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[0]))).RootElement.GetProperty("kid").GetString()!;

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
