using System.Net;

namespace OrderPlatform.EndToEndTests.Chaos;

/// <summary>
/// What a storefront or the warehouse does while parts of the platform are down: the same request again (same Idempotency-Key)
/// until the platform answers it, for as long as a person would keep trying.
/// </summary>
public static class Resilient
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> request, TimeSpan patience,
        Func<HttpResponseMessage, Task<bool>>? again = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            HttpResponseMessage? response = null;
            try
            {
                using var message = request();
                response = await client.SendAsync(message);
                var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                                || (again is not null && await again(response));
                if (!transient || DateTimeOffset.UtcNow > deadline)
                {
                    return response;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTimeOffset.UtcNow <= deadline)
            {
                // The gateway itself was unreachable for a moment: try again.
            }

            response?.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>A fresh one-time card token from the PSP's form.</summary>
    public static async Task<string> TokeniseAsync(Uri sandboxes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Checkout.TokeniseAsync(sandboxes, "4242 4242 4242 4242");
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    /// <summary>A new customer signed in, whether or not Accounts is up at the first try (a sign-up answered 409 was ours, its answer lost).</summary>
    public static async Task<(HttpClient Customer, string Email)> NewCustomerAsync(HttpClient gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var email = Accounts.NewEmail();
        using (var signUp = await SendAsync(gateway, () => new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
               {
                   Content = System.Net.Http.Json.JsonContent.Create(new { email, password = Password, firstName = "Camille" }),
               }, TimeSpan.FromMinutes(3)))
        {
            Assert.True(signUp.IsSuccessStatusCode || signUp.StatusCode == HttpStatusCode.Conflict, $"sign-up: {(int)signUp.StatusCode}");
        }

        return (await SignedInAsync(gateway, email, Password), email);
    }

    public const string Password = "Mot-de-passe-2026";

    private static readonly SemaphoreSlim OpsSignIn = new(1, 1);
    private static (string? Token, DateTimeOffset At) opsToken;

    /// <summary>
    /// The operator's client: one sign-in (password and authenticator code) serves every order life for 5 minutes, as an operator's
    /// session would; a long run signs in again before the 15-minute token ends.
    /// </summary>
    public static async Task<HttpClient> OpsAsync(HttpClient gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        await OpsSignIn.WaitAsync();
        try
        {
            if (opsToken.Token is null || DateTimeOffset.UtcNow - opsToken.At > TimeSpan.FromMinutes(5))
            {
                using var signedIn = await SignedInAsync(gateway, Accounts.OpsEmail, Accounts.OpsPassword);
                opsToken = (signedIn.DefaultRequestHeaders.Authorization!.Parameter, DateTimeOffset.UtcNow);
            }
        }
        finally
        {
            OpsSignIn.Release();
        }

        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", opsToken.Token);
        return client;
    }

    /// <summary>A client signed in now (tokens live 15 minutes: a long run signs in again), retrying while Accounts is away.</summary>
    public static async Task<HttpClient> SignedInAsync(HttpClient gateway, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        using var signIn = await SendAsync(gateway, () => new HttpRequestMessage(HttpMethod.Post, "/api/accounts/token")
        {
            // The operator's code is made afresh for each try (Accounts may be away for longer than a code lives); a try that did not reach
            // Accounts used none, so the current one serves again when both at hand were handed out.
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                email, password,
                oneTimeCode = email == Accounts.OpsEmail ? Authenticator.CodeNow(gateway.BaseAddress!) ?? Authenticator.Current(gateway.BaseAddress!) : null,
            }),
        }, TimeSpan.FromMinutes(3));
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in: {(int)signIn.StatusCode}");
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(signIn.Content))
            .GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = gateway.Timeout };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
