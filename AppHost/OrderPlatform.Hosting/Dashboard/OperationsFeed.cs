using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.Hosting.Dashboard;

/// <summary>
/// What the services' operations APIs say, read through the gateway like any operator (signed in with the bootstrap ops
/// account of development, <c>Accounts:BootstrapOps</c>): orders by status, stuck orders, today's money.
/// </summary>
internal sealed class OperationsFeed(Func<Uri> gateway, string email, string password) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly SemaphoreSlim signIn = new(1, 1);
    private (string Token, DateTimeOffset Until)? token;

    public async Task<JsonElement> ReadAsync(CancellationToken cancellationToken)
    {
        var counts = await GetAsync("/api/ops/orders/counts", cancellationToken);
        var stuck = await GetAsync("/api/ops/orders/stuck", cancellationToken);
        var money = await GetAsync("/api/ops/payments/today", cancellationToken);
        return JsonSerializer.SerializeToElement(new { counts, stuck, money });
    }

    private async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway(), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return null; // the service is down: the dashboard shows the gap, not an error page
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await signIn.WaitAsync(cancellationToken);
        try
        {
            if (token is { } known && known.Until > TimeProvider.System.GetUtcNow())
            {
                return known.Token;
            }

            using var response = await http.PostAsJsonAsync(new Uri(gateway(), "/api/accounts/token"), new { email, password }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var issued = answer.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("No access token.");
            token = (issued, TimeProvider.System.GetUtcNow().AddSeconds(Math.Max(30, answer.GetProperty("expiresIn").GetInt32() - 60)));
            return issued;
        }
        finally
        {
            signIn.Release();
        }
    }

    public void Dispose()
    {
        http.Dispose();
        signIn.Dispose();
    }
}
