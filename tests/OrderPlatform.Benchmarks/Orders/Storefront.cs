using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.Benchmarks.Orders;

/// <summary>What a storefront and the warehouse do through the gateway, as the load needs it: customers, stock, relay points, cards.</summary>
public sealed class Storefront(Uri gateway, Uri sandboxes) : IDisposable
{
    private const string OpsEmail = "ops@orderplatform.test";
    private const string OpsPassword = "Ops-Dev-2026!";
    // The development operator's authenticator key (services/Accounts/appsettings.Development.json): the load signs in as them once.
    private const string OpsAuthenticatorKey = "K267NYOMTEGLGBL3QQRESXFVBHG6D5O7";

    public HttpClient Anonymous { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Psp { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = sandboxes, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> SignInAsync(string email, string password, string? oneTimeCode = null)
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/accounts/token", new { email, password, oneTimeCode });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public Task<string> OpsTokenAsync() =>
        SignInAsync(OpsEmail, OpsPassword, new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(OpsAuthenticatorKey)).ComputeTotp(DateTime.UtcNow));

    /// <summary>A new customer's bearer token.</summary>
    public async Task<string> NewCustomerAsync()
    {
        var email = $"charge-{Guid.NewGuid():N}@exemple.fr";
        using var signUp = await Anonymous.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", firstName = "Camille" });
        signUp.EnsureSuccessStatusCode();
        return await SignInAsync(email, "Mot-de-passe-2026");
    }

    /// <summary>One available SKU per product of a category, and enough units of each that the load never runs out.</summary>
    public async Task<IReadOnlyList<string>> StockedSkusAsync(string opsToken, int units)
    {
        var page = await Anonymous.GetFromJsonAsync<JsonElement>("/api/catalog/products?category=Homme&pageSize=50");
        var skus = new List<string>();
        foreach (var product in page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!))
        {
            var detail = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{product}");
            if (detail.GetProperty("outlet").GetBoolean())
            {
                continue; // outlet articles are never restocked [FR-22]
            }

            var sku = detail.GetProperty("skus")[0].GetProperty("sku").GetString()!;
            using var restock = new HttpRequestMessage(HttpMethod.Put, $"/api/catalog/stock/{sku}") { Content = JsonContent.Create(new { onHand = units }) };
            restock.Headers.Authorization = new AuthenticationHeaderValue("Bearer", opsToken);
            using var restocked = await Anonymous.SendAsync(restock);
            if (restocked.IsSuccessStatusCode)
            {
                skus.Add(sku);
            }
        }

        return skus.Count > 0 ? skus : throw new InvalidOperationException("No SKU could be stocked for the load.");
    }

    public async Task<string> RelayPointAsync() =>
        (await Anonymous.GetFromJsonAsync<JsonElement>("/api/shipping/pickup-points?carrier=mondial-relay&postalCode=75002"))[0].GetProperty("id").GetString()!;

    /// <summary>What the storefront's payment form does: the card goes to the PSP, a token comes back.</summary>
    public async Task<string> CardTokenAsync()
    {
        using var response = await Psp.PostAsJsonAsync("/psp/tokens", new { cardNumber = "4242424242424242", expMonth = 12, expYear = 2030, cvc = "123" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Anonymous.SendAsync(request);
    }

    public async Task<JsonElement?> GetAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    public void Dispose()
    {
        Anonymous.Dispose();
        Psp.Dispose();
    }
}
