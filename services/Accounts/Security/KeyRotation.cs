namespace OrderPlatform.Accounts.Security;

/// <summary>How often signing keys change, how early a new one is published, how often the ring is read again.</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Accounts:SigningKeys";

    public TimeSpan RotateEvery { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A new key is in the JWKS this long before it signs, so every service has read it by then (they refresh every 30 minutes).</summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The signing keys' lives, decided over the stored keys and the time: one signs (the latest whose time has come), the next is
/// published ahead of its time, and one that stopped signing stays published until the last token it signed has expired.
/// </summary>
public static class KeyRotation
{
    /// <summary>The key that signs at <paramref name="now"/>.</summary>
    public static SigningKey? Signer(IEnumerable<SigningKey> keys, DateTimeOffset now) =>
        keys.Where(key => key.SignsFrom <= now).MaxBy(key => key.SignsFrom);

    /// <summary>When the next key should start signing, if one must be made now: none signs yet, or the signer is due and no successor is waiting.</summary>
    public static DateTimeOffset? NextKeyDue(IReadOnlyList<SigningKey> keys, DateTimeOffset now, SigningKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (keys.Any(key => key.SignsFrom > now))
        {
            return null;
        }

        return Signer(keys, now) switch
        {
            null => now,
            var signer when signer.SignsFrom + options.RotateEvery <= now + options.PublishAhead => now + options.PublishAhead,
            _ => null,
        };
    }

    /// <summary>Keys no token that is still valid can have been signed with: they stopped signing longer ago than a token lives.</summary>
    public static IReadOnlyList<SigningKey> Expired(IReadOnlyList<SigningKey> keys, DateTimeOffset now, TimeSpan tokenLifetime)
    {
        var signer = Signer(keys, now);
        return keys.Where(key => key.SignsFrom <= now && key != signer
                                 && keys.Where(later => later.SignsFrom > key.SignsFrom && later.SignsFrom <= now).Min(later => later.SignsFrom) is var stoppedAt
                                 && stoppedAt + tokenLifetime <= now)
            .ToList();
    }
}
