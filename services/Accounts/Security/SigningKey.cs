using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// One of Accounts' RSA signing keys, kept in its database (so tokens outlive a restart) with its private half encrypted
/// (<see cref="SecretSealer"/>): published in the JWKS as soon as it is made, signing from <see cref="SignsFrom"/>.
/// The private part never leaves Accounts.
/// </summary>
public sealed record SigningKey(string Id, string? ProtectedPrivateKey, DateTimeOffset CreatedAt, DateTimeOffset SignsFrom)
{
    public static SigningKey Create(SecretSealer protector, DateTimeOffset now, DateTimeOffset signsFrom)
    {
        ArgumentNullException.ThrowIfNull(protector);
        using var rsa = RSA.Create(2048);
        var keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        return new SigningKey(keyId, protector.Protect(keyId, rsa.ExportPkcs8PrivateKeyPem()), now, signsFrom);
    }

    public RsaSecurityKey ToSecurityKey(SecretSealer protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(Id, ProtectedPrivateKey ?? throw new CryptographicException($"Signing key {Id} has no private key.")));
        return new RsaSecurityKey(rsa) { KeyId = Id };
    }

    /// <summary>The public half as a JSON Web Key, for the JWKS every service reads.</summary>
    public static JsonWebKey PublicJwkOf(RsaSecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = "RSA",
            Use = "sig",
            Alg = SecurityAlgorithms.RsaSha256,
            Kid = key.KeyId,
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
