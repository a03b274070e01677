using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>
/// Accounts' signing keys read afresh, when a token names a key this service has not seen (Accounts has just rotated): one reader per
/// process, at most once every <see cref="AtMostEvery"/> however many such tokens arrive; and a key id still unknown in keys read after
/// its token was issued is remembered as forged for <see cref="ForgedFor"/>, so a flood of forged tokens costs Accounts nothing.
/// Accounts publishes a key long before it signs with it (<c>Accounts:SigningKeys:PublishAhead</c>, longer than <see cref="AtMostEvery"/>),
/// so keys read within that time always hold a genuine token's key.
/// </summary>
public sealed class FreshSigningKeys(IHttpClientFactory clients, TimeProvider time, string metadataAddress)
{
    public const string ClientName = nameof(FreshSigningKeys);
    public static readonly TimeSpan AtMostEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ForgedFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan NewerTokenAtMostEvery = TimeSpan.FromSeconds(1);

    // Bounded: beyond it the memory is cleared (and the forged ids cost at most a read every AtMostEvery again).
    private const int MostRemembered = 10_000;
    private readonly SemaphoreSlim reading = new(1, 1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> forged = new(StringComparer.Ordinal);
    private IReadOnlyCollection<SecurityKey> keys = [];
    private DateTimeOffset? readAt;

    /// <summary>The keys last read: what every token is checked against.</summary>
    public IReadOnlyCollection<SecurityKey> Current => keys;

    /// <summary>How many times this process has read Accounts' keys (discovery and JWKS): a figure for tests and telemetry.</summary>
    public int Reads => reads;

    private int reads;

    /// <summary>Whether the key id was found forged lately: its token is refused without asking Accounts.</summary>
    public bool IsForged(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return forged.TryGetValue(keyId, out var since) && time.GetUtcNow() - since < ForgedFor;
    }

    /// <summary>
    /// Accounts' keys, read at most every <see cref="AtMostEvery"/>; when they do not hold <paramref name="keyId"/> although read after
    /// <paramref name="issuedAt"/>, the key id is remembered as forged.
    /// </summary>
    public async Task<IReadOnlyCollection<SecurityKey>> GetAsync(string keyId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await reading.WaitAsync(cancellationToken);
        try
        {
            // A token issued after the last read may carry a key made since (an emergency's new key signs at once): read again, but
            // at most every second, whatever a forger writes in its tokens.
            var sinceRead = readAt is { } last ? time.GetUtcNow() - last : TimeSpan.MaxValue;
            if (sinceRead >= AtMostEvery || (issuedAt > readAt && sinceRead >= NewerTokenAtMostEvery))
            {
                await ReadAsync(cancellationToken);
            }

            if (readAt >= issuedAt && keys.All(key => key.KeyId != keyId))
            {
                if (forged.Count >= MostRemembered)
                {
                    forged.Clear();
                }

                forged[keyId] = time.GetUtcNow();
            }

            return keys;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>Reads the keys now, whenever they were last read: the periodic refresh (a key Accounts withdrew goes within its interval).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            await ReadAsync(cancellationToken);
        }
        finally
        {
            reading.Release();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        readAt = time.GetUtcNow(); // a failed read waits its turn too
        Interlocked.Increment(ref reads);
        using var http = clients.CreateClient(ClientName);
        var metadata = JsonNode.Parse(await http.GetStringAsync(new Uri(metadataAddress), cancellationToken));
        var jwksUri = metadata?["jwks_uri"]?.GetValue<string>() ?? throw new InvalidOperationException("Accounts' discovery document names no JWKS.");
        keys = [.. new JsonWebKeySet(await http.GetStringAsync(new Uri(jwksUri), cancellationToken)).GetSigningKeys()];
    }
}

/// <summary>
/// Reads Accounts' keys at start and every <c>Authentication:KeysRefreshEvery</c> (a minute): a key Accounts withdrew in an emergency is
/// refused by every copy of every service within that time. A read that fails is tried again at the next tick; meanwhile tokens
/// with a key not read yet ask for one (<see cref="FreshSigningKeys.GetAsync"/>).
/// </summary>
public sealed partial class SigningKeysRefresh(FreshSigningKeys keys, IConfiguration configuration, TimeProvider time, ILogger<SigningKeysRefresh> logger)
    : BackgroundService
{
    public const string EverySetting = "Authentication:KeysRefreshEvery";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue<TimeSpan?>(EverySetting) ?? TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await keys.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException
                                       or ArgumentException && !stoppingToken.IsCancellationRequested)
            {
                LogNotRead(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Accounts' signing keys could not be read ({Reason}): tried again at the next tick")]
    private partial void LogNotRead(string reason);
}
