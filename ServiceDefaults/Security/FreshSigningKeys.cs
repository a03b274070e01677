using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>
/// Accounts' signing keys read afresh, when a token names a key this service has not seen (Accounts has just rotated): at most
/// once every few seconds, however many such tokens arrive, so a flood of forged key ids costs Accounts nothing.
/// </summary>
public sealed class FreshSigningKeys(HttpClient http)
{
    private static readonly TimeSpan AtMostEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim reading = new(1, 1);
    private IReadOnlyCollection<SecurityKey> keys = [];
    private long readAt = long.MinValue;

    public async Task<IReadOnlyCollection<SecurityKey>> GetAsync(string metadataAddress, CancellationToken cancellationToken)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (readAt != long.MinValue && Stopwatch.GetElapsedTime(readAt) < AtMostEvery)
            {
                return keys;
            }

            readAt = Stopwatch.GetTimestamp();
            var metadata = JsonNode.Parse(await http.GetStringAsync(new Uri(metadataAddress), cancellationToken));
            var jwksUri = metadata?["jwks_uri"]?.GetValue<string>() ?? throw new InvalidOperationException("Accounts' discovery document names no JWKS.");
            keys = [.. new JsonWebKeySet(await http.GetStringAsync(new Uri(jwksUri), cancellationToken)).GetSigningKeys()];
            return keys;
        }
        finally
        {
            reading.Release();
        }
    }
}
