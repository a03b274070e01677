using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Accounts' signing keys, read from its database before the service answers and again every <see cref="SigningKeyOptions.CheckEvery"/>
/// (so every replica sees a key another made), rotated as <see cref="KeyRotation"/> decides, under a lock so two replicas never
/// both make the next key. A key that cannot be opened (plain text from before its protection, or sealed with another
/// protection key) is dropped: tokens it signed simply stop working.
/// </summary>
public sealed partial class KeyRing(IDocumentStore store, SecretSealer protector, IOptions<SigningKeyOptions> options, TimeProvider time,
    ILogger<KeyRing> logger) : DeadlineScan(time, logger)
{
    private static readonly TimeSpan TokensOutlive = TokenIssuer.Lifetime + PlatformAuthentication.ValidationParameters().ClockSkew;
    private readonly TimeProvider time = time;
    private readonly ILogger<KeyRing> logger = logger;
    private volatile Ring ring = new([], new Dictionary<string, RsaSecurityKey>());

    private sealed record Ring(IReadOnlyList<SigningKey> Keys, IReadOnlyDictionary<string, RsaSecurityKey> Opened);

    protected override TimeSpan Interval => options.Value.CheckEvery;

    protected override string What => "signing-key changes";

    /// <summary>The key that signs tokens now.</summary>
    public RsaSecurityKey Signer => KeyRotation.Signer(ring.Keys, time.GetUtcNow()) is { } key
        ? ring.Opened[key.Id]
        : throw new InvalidOperationException("No signing key is loaded yet.");

    /// <summary>Every key a valid token may be signed with, and the next one: what the JWKS lists.</summary>
    public IReadOnlyCollection<RsaSecurityKey> Published => [.. ring.Opened.Values];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(time.GetUtcNow(), cancellationToken); // no token is issued before a key is there
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Ops make the next key now (a key that may have leaked): published at once, signing after <see cref="SigningKeyOptions.PublishAhead"/>.</summary>
    public async Task<SigningKey> RotateNowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = SigningKey.Create(protector, now, now + options.Value.PublishAhead);
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["accounts:signing-keys"], cancellationToken);
        session.Store(next);
        // A successor made earlier and not signing yet gives way to this one.
        session.DeleteWhere<SigningKey>(key => key.SignsFrom > now && key.Id != next.Id);
        await session.SaveChangesAsync(cancellationToken);
        await RunOnceAsync(now, cancellationToken);
        return next;
    }

    protected override async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["accounts:signing-keys"], cancellationToken);
        var stored = await session.Query<SigningKey>().ToListAsync(cancellationToken);
        var opened = new Dictionary<string, RsaSecurityKey>();
        var changes = 0;
        foreach (var key in stored)
        {
            if (Open(key) is { } securityKey)
            {
                opened[key.Id] = securityKey;
            }
            else
            {
                session.Delete(key);
                LogDropped(key.Id);
                changes++;
            }
        }

        var keys = stored.Where(key => opened.ContainsKey(key.Id)).ToList();
        foreach (var expired in KeyRotation.Expired(keys, now, TokensOutlive))
        {
            session.Delete(expired);
            keys.Remove(expired);
            opened.Remove(expired.Id);
            changes++;
        }

        if (KeyRotation.NextKeyDue(keys, now, options.Value) is { } signsFrom)
        {
            var next = SigningKey.Create(protector, now, signsFrom);
            session.Store(next);
            keys.Add(next);
            opened[next.Id] = next.ToSecurityKey(protector);
            LogMade(next.Id, signsFrom);
            changes++;
        }

        await session.SaveChangesAsync(cancellationToken);
        ring = new Ring(keys, opened);
        return changes;
    }

    private RsaSecurityKey? Open(SigningKey key)
    {
        if (ring.Opened.TryGetValue(key.Id, out var known))
        {
            return known;
        }

        try
        {
            return key.ProtectedPrivateKey is null ? null : key.ToSecurityKey(protector);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Signing key {KeyId} cannot be opened with this protection key (or predates it): dropped")]
    private partial void LogDropped(string keyId);

    [LoggerMessage(LogLevel.Information, "Signing key {KeyId} made: published now, signing from {SignsFrom}")]
    private partial void LogMade(string keyId, DateTimeOffset signsFrom);
}
