using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// A signing key has leaked: ops withdraw every key at once. Every token signed before, theirs too, is refused by every service within
/// the services' refresh of the keys (a minute in a shop, 2 s here), and whoever signs in again gets a token of the new key, which every
/// service accepts. On japan-import's system: the fashion-retail one keeps its operators' sessions for its back-office tests.
/// </summary>
[Collection(JapanImportCollection.Name)]
public sealed class SigningKeyRevocationTests(JapanImportPlatform platform)
{
    // Where each service checks the token itself, behind the gateway.
    private static readonly string[] SignedInReads = ["/api/accounts/me", "/api/orders", "/api/returns", "/api/payments/store-credit"];

    [Fact]
    public async Task Withdrawn_keys_sign_everyone_out_within_seconds_and_the_new_key_signs_at_once()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var email = (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("email").GetString()!;
        var before = customer.DefaultRequestHeaders.Authorization!.Parameter!;
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var customerCannot = await customer.PostAsync("/api/ops/accounts/signing-keys/revocation", null);
        Assert.Equal(HttpStatusCode.Forbidden, customerCannot.StatusCode);

        using var revoked = await ops.PostAsync("/api/ops/accounts/signing-keys/revocation", null);
        Accounts.ForgetOpsToken(platform.Gateway);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var newKey = (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString();
        using var accounts = new HttpClient { BaseAddress = platform.Endpoint("accounts") };
        var published = (await accounts.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json")).GetProperty("keys").EnumerateArray()
            .Select(key => key.GetProperty("kid").GetString()).ToList();
        Assert.Equal([newKey], published);

        await Eventually.TrueAsync(async () => await AnswersAsync(before) is var answers && answers.All(status => status == HttpStatusCode.Unauthorized),
            TimeSpan.FromSeconds(30), "every service to refuse the withdrawn key's token");
        var after = await Accounts.TokenAsync(platform.Gateway, email, "Mot-de-passe-2026");
        Assert.Equal(newKey, SigningKeyRotationTests.KeyIdOf(after));
        // A service that read the keys less than a second before the new one was made reads them again a second later at most.
        await Eventually.TrueAsync(async () => (await AnswersAsync(after)).All(status => status == HttpStatusCode.OK), TimeSpan.FromSeconds(5),
            "every service to accept the new key's token");
    }

    private async Task<IReadOnlyList<HttpStatusCode>> AnswersAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answers = new List<HttpStatusCode>();
        foreach (var path in SignedInReads)
        {
            using var response = await client.GetAsync(path);
            answers.Add(response.StatusCode);
        }

        return answers;
    }
}
