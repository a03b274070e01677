using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.UnitTests.Security;

/// <summary>
/// Every service refuses a token that claims to live longer than Accounts issues them (15 minutes): whoever holds a leaked key cannot
/// sign a token that outlives the key's withdrawal.
/// </summary>
public sealed class TokenLifetimeTests
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "accounts-key-1" };

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(60 * 24 * 365, false)]
    public async Task A_token_is_good_for_at_most_the_lifetime_Accounts_issues(int minutes, bool valid)
    {
        var issuedAt = DateTime.UtcNow.AddMinutes(-1);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformAuthentication.Issuer,
            Audience = PlatformAuthentication.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())]),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddMinutes(minutes),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
        var parameters = PlatformAuthentication.ValidationParameters();
        parameters.IssuerSigningKey = Key;

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);

        Assert.Equal(valid, result.IsValid);
        Assert.True(valid || result.Exception is SecurityTokenInvalidLifetimeException, result.Exception?.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_still_refused()
    {
        var issuedAt = DateTime.UtcNow.AddMinutes(-20);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformAuthentication.Issuer,
            Audience = PlatformAuthentication.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddMinutes(15),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
        var parameters = PlatformAuthentication.ValidationParameters();
        parameters.IssuerSigningKey = Key;

        Assert.IsType<SecurityTokenExpiredException>((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).Exception);
    }
}
