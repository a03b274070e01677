using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Encrypts the signing keys' private halves at rest (AES-GCM, bound to the key's id) with a key from configuration
/// (<c>Accounts:SigningKeyProtection</c>, a secret the database never sees): a copy of the database alone signs nothing.
/// </summary>
public sealed class SigningKeyProtector
{
    public const string Setting = "Accounts:SigningKeyProtection";
    private readonly byte[] key;

    public SigningKeyProtector(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        key = configuration[Setting] is { Length: >= 32 } secret
            ? SHA256.HashData(Encoding.UTF8.GetBytes(secret))
            : throw new InvalidOperationException($"{Setting} is required, at least 32 characters (the AppHost generates one).");
    }

    public string Protect(string keyId, string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var plain = Encoding.UTF8.GetBytes(privateKeyPem);
        var sealedKey = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedKey.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(sealedKey.AsSpan(0, 12), plain, sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), Encoding.UTF8.GetBytes(keyId));
        return Convert.ToBase64String(sealedKey);
    }

    /// <summary>The private key in PEM; <see cref="CryptographicException"/> when it was sealed with another protection key.</summary>
    public string Unprotect(string keyId, string protectedKey)
    {
        var sealedKey = Convert.FromBase64String(protectedKey);
        var plain = new byte[sealedKey.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }
}
