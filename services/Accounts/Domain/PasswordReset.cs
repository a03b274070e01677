using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Accounts.Domain;

/// <summary>A password-reset token, kept only as its hash: single use, valid for an hour [FR-31].</summary>
public sealed record PasswordResetToken(string Id, Guid CustomerId, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(1);

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>A new reset: its id for the e-mail's sender, and what is stored of its token (derived from the id with the key).</summary>
    public static (Guid ResetId, PasswordResetToken Stored) Issue(Func<Guid, string> tokenFor, Guid customerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenFor);
        var resetId = new Guid(RandomNumberGenerator.GetBytes(16));
        return (resetId, new PasswordResetToken(HashOf(tokenFor(resetId)), customerId, now + ValidFor));
    }

    /// <summary>Why this token cannot set a password now, or null when it can.</summary>
    public string? WhyUnusable(DateTimeOffset now) =>
        UsedAt is not null ? "This link was already used."
        : now >= ExpiresAt ? "This link has expired."
        : null;
}
