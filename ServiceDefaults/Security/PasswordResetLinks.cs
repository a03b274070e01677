using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>
/// A password-reset token is derived from the reset's id with a key only Accounts and Notification hold (configuration
/// <c>PasswordReset:Key</c>, a secret): the id travels in the event, the queue and the outbox, and is useless without the key;
/// the token itself exists only in the e-mail and in memory while Accounts hashes it and Notification sends it [FR-31].
/// </summary>
public sealed class PasswordResetLinks
{
    public const string KeySetting = "PasswordReset:Key";

    /// <summary>Where the token goes in a message until the moment it is sent.</summary>
    public const string TokenPlaceholder = "{password-reset-token}";

    private readonly byte[] key;

    public PasswordResetLinks(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = configuration[KeySetting];
        key = secret is { Length: >= 32 }
            ? Encoding.UTF8.GetBytes(secret)
            : throw new InvalidOperationException($"{KeySetting} is required, at least 32 characters (the AppHost generates one).");
    }

    /// <summary>The token the customer receives for reset <paramref name="resetId"/>.</summary>
    public string TokenFor(Guid resetId) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, resetId.ToByteArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary><paramref name="text"/> with the reset's token where the placeholder is.</summary>
    public string Fill(string text, Guid resetId)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(TokenPlaceholder, TokenFor(resetId), StringComparison.Ordinal);
    }
}
