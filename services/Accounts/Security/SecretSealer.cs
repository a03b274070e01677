using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Encrypts what Accounts must keep secret at rest, the signing keys' private halves and the operators' authenticator keys (AES-GCM,
/// bound to what the secret belongs to), with a key from configuration (<c>Accounts:SigningKeyProtection</c>, a secret the database
/// never sees): a copy of the database alone signs nothing and makes no one-time code.
/// </summary>
public sealed class SecretSealer
{
    public const string Setting = "Accounts:SigningKeyProtection";
    private readonly byte[] key;

    public SecretSealer(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        key = configuration[Setting] is { Length: >= 32 } secret
            ? SHA256.HashData(Encoding.UTF8.GetBytes(secret))
            : throw new InvalidOperationException($"{Setting} is required, at least 32 characters (the AppHost generates one).");
    }

    public string Protect(string owner, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedKey = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedKey.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(sealedKey.AsSpan(0, 12), plain, sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), Encoding.UTF8.GetBytes(owner));
        return Convert.ToBase64String(sealedKey);
    }

    /// <summary>The secret sealed for <paramref name="owner"/>; <see cref="CryptographicException"/> when sealed with another key or for another owner.</summary>
    public string Unprotect(string owner, string sealedSecret)
    {
        var sealedKey = Convert.FromBase64String(sealedSecret);
        var plain = new byte[sealedKey.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(owner));
        return Encoding.UTF8.GetString(plain);
    }
}
