using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Signs people up and in through the gateway, as a storefront or an operator would.</summary>
public static class Accounts
{
    public const string OpsEmail = "ops@orderplatform.test";
    public const string OpsPassword = "Ops-Dev-2026!";

    public static string NewEmail() => $"client-{Guid.NewGuid():N}@exemple.fr";

    /// <summary>A new customer, signed in: a client whose requests carry their token.</summary>
    public static Task<HttpClient> NewCustomerAsync(HttpClient gateway) => NewCustomerAsync(gateway, NewEmail());

    /// <summary>A new customer with this e-mail (password <c>Mot-de-passe-2026</c>), signed in.</summary>
    public static async Task<HttpClient> NewCustomerAsync(HttpClient gateway, string email)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        using var signUp = await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", firstName = "Camille" });
        signUp.EnsureSuccessStatusCode();
        return await SignedInAsync(gateway, email, "Mot-de-passe-2026");
    }

    private static readonly Dictionary<string, (string Token, DateTimeOffset At)> OpsTokens = [];

    /// <summary>
    /// The operator, signed in with their password and their authenticator's code; the token (15 min) serves every test of the platform for 5
    /// minutes, as an operator's session would, rather than a code per test.
    /// </summary>
    public static async Task<HttpClient> OpsAsync(HttpClient gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var platform = gateway.BaseAddress!.Authority;
        (string Token, DateTimeOffset At) held;
        lock (OpsTokens)
        {
            held = OpsTokens.GetValueOrDefault(platform);
        }

        if (held.Token is null || DateTimeOffset.UtcNow - held.At > TimeSpan.FromMinutes(5))
        {
            held = (await TokenAsync(gateway, OpsEmail, OpsPassword), DateTimeOffset.UtcNow);
            lock (OpsTokens)
            {
                OpsTokens[platform] = held;
            }
        }

        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", held.Token);
        return client;
    }

    /// <summary>A fresh token; the operator's sign-in carries a code from their authenticator.</summary>
    public static async Task<string> TokenAsync(HttpClient gateway, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var oneTimeCode = email == OpsEmail ? await Authenticator.CodeAsync(gateway.BaseAddress!) : null;
        var response = await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password, oneTimeCode });
        for (var tries = 1; tries < 3 && oneTimeCode is not null && response.StatusCode == System.Net.HttpStatusCode.Unauthorized
             && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("secondFactor", out var refused) && refused.GetString() == "used";
             tries++)
        {
            // A code a sign-in outside this process took first (the README's walkthrough): the next one.
            response.Dispose();
            oneTimeCode = await Authenticator.CodeAsync(gateway.BaseAddress!);
            response = await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password, oneTimeCode });
        }

        using var answered = response;
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return RolesOf(token).Contains("ops-enrolment") ? await SetUpAuthenticatorAsync(gateway, token) : token;
    }

    /// <summary>
    /// An operator without an authenticator yet (a new shop's first, as on the marketplace platform): with their password alone they act
    /// on nothing; they set the app up, and its first code gives them the ops token.
    /// </summary>
    private static async Task<string> SetUpAuthenticatorAsync(HttpClient gateway, string passwordOnlyToken)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", passwordOnlyToken);
        using (var refused = await client.GetAsync("/api/ops/orders/stuck"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var started = await client.PostAsync("/api/accounts/me/second-factor", null);
        started.EnsureSuccessStatusCode();
        var enrolment = await started.Content.ReadFromJsonAsync<JsonElement>();
        var key = enrolment.GetProperty("key").GetString()!;
        Assert.StartsWith($"otpauth://totp/OrderPlatform:{Uri.EscapeDataString(OpsEmail)}?secret={key}", enrolment.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Authenticator.SetUp(gateway.BaseAddress!, key);

        using var wrong = await client.PostAsJsonAsync("/api/accounts/me/second-factor/confirmation", new { code = "000000" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        using var confirmed = await client.PostAsJsonAsync("/api/accounts/me/second-factor/confirmation",
            new { code = await Authenticator.CodeAsync(gateway.BaseAddress!) });
        confirmed.EnsureSuccessStatusCode();
        var token = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Contains("ops", RolesOf(token));
        return token;
    }

    /// <summary>The account a token is for (its subject).</summary>
    public static string SubjectOf(string token) => Payload(token).GetProperty("sub").GetString()!;

    /// <summary>The roles a token names (its payload, read without checking it: the services check it).</summary>
    public static IReadOnlyList<string> RolesOf(string token)
    {
        var claims = Payload(token);
        return !claims.TryGetProperty("role", out var role) ? []
            : role.ValueKind == JsonValueKind.Array ? [.. role.EnumerateArray().Select(value => value.GetString()!)]
            : [role.GetString()!];
    }

    /// <summary>A token's claims, read without checking it (the services check it).</summary>
    private static JsonElement Payload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='))).RootElement;
    }

    public static async Task<HttpClient> SignedInAsync(HttpClient gateway, string email, string password)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gateway, email, password));
        return client;
    }
}
