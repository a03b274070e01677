using System.Net.Http.Headers;
using System.Text;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>RabbitMQ administration through the management API, on any broker.</summary>
public static class RabbitMqAdmin
{
    public static HttpClient Client(Uri management, string user, string password)
    {
        var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>Creates a virtual host that <paramref name="user"/> may fully use (tests give one to each test class).</summary>
    public static async Task CreateVirtualHostAsync(HttpClient management, string user, string virtualHost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(management);
        var escaped = Uri.EscapeDataString(virtualHost);
        using var created = await management.PutAsync(new Uri($"api/vhosts/{escaped}", UriKind.Relative), null, cancellationToken);
        created.EnsureSuccessStatusCode();
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using var granted = await management.PutAsync(new Uri($"api/permissions/{escaped}/{Uri.EscapeDataString(user)}", UriKind.Relative), permissions, cancellationToken);
        granted.EnsureSuccessStatusCode();
    }
}
