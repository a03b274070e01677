using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Operators sign in with their password and their authenticator's code, each code once; without it, nothing an operator may do is open
/// to them (the marketplace platform's operator, who has no authenticator yet, shows the first sign-in setting it up: Accounts.TokenAsync).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OperatorSignInTests(PlatformFixture platform)
{
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task An_operator_signs_in_only_with_a_code_from_their_authenticator_and_each_code_once()
    {
        using (var withoutCode = await SignInAsync(null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
            Assert.Equal("required", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondFactor").GetString());
        }

        using (var wrongCode = await SignInAsync("000000"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
            Assert.Equal("refused", (await wrongCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondFactor").GetString());
        }

        var code = await Authenticator.CodeAsync(gateway.BaseAddress!);
        using (var signedIn = await SignInAsync(code))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            Assert.Contains("ops", Accounts.RolesOf(token));
        }

        // The same code again: a replay, refused (and not counted as a guess: the right code was typed).
        using var again = await SignInAsync(code);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("used", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondFactor").GetString());
    }

    [Fact]
    public async Task An_operator_whose_authenticator_is_set_up_cannot_set_up_another_with_a_token()
    {
        using var ops = await Accounts.OpsAsync(gateway);

        using var another = await ops.PostAsync("/api/accounts/me/second-factor", null);

        Assert.Equal(HttpStatusCode.Forbidden, another.StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string? oneTimeCode) =>
        gateway.PostAsJsonAsync("/api/accounts/token", new { email = Accounts.OpsEmail, password = Accounts.OpsPassword, oneTimeCode });
}
