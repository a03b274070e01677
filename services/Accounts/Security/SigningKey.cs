using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.Accounts.Security;

/// <summary>Accounts' RSA signing key, kept in its database so tokens outlive a restart. The private part never leaves Accounts.</summary>
public sealed record SigningKey(string Id, string KeyId, string PrivateKeyPem, DateTimeOffset CreatedAt)
{
    public const string CurrentId = "current";

    public static SigningKey Create(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new SigningKey(CurrentId, Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(), rsa.ExportPkcs8PrivateKeyPem(), now);
    }

    public RsaSecurityKey ToSecurityKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    /// <summary>The public half as a JSON Web Key, for the JWKS every service reads.</summary>
    public JsonWebKey ToPublicJwk()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(PrivateKeyPem);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = "RSA",
            Use = "sig",
            Alg = SecurityAlgorithms.RsaSha256,
            Kid = KeyId,
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
