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

    public static Task<HttpClient> OpsAsync(HttpClient gateway) => SignedInAsync(gateway, OpsEmail, OpsPassword);

    public static async Task<string> TokenAsync(HttpClient gateway, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        using var response = await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> SignedInAsync(HttpClient gateway, string email, string password)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(gateway, email, password));
        return client;
    }
}
