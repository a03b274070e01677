using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Short-lived access tokens: RS256, Accounts' issuer, the platform's audience, the customer's id and roles, how they signed in (RFC 8176
/// <c>amr</c>), and the seller a seller's person acts for. An operator's token carries the ops role only when the second factor was
/// given; with the password alone it only lets them set their authenticator up.
/// </summary>
public sealed class TokenIssuer(KeyRing keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public (string Token, int ExpiresIn) Issue(Customer customer, bool withSecondFactor = false)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var now = time.GetUtcNow();
        var claims = new List<Claim>
        {
            new("sub", customer.Id.ToString()),
            new("customer_number", customer.CustomerNumber),
        };
        claims.AddRange(customer.Roles
            .Select(role => role == PlatformAuthentication.OpsRole && !withSecondFactor ? PlatformAuthentication.OpsEnrolmentRole : role)
            .Select(role => new Claim("role", role)));
        claims.Add(new Claim("amr", "pwd"));
        if (withSecondFactor)
        {
            claims.Add(new Claim("amr", "otp"));
        }

        if (customer.Roles.Contains(PlatformAuthentication.OpsRole))
        {
            // What an operator does is traced under their name in every service's trail; a customer's token names no one.
            claims.Add(new Claim("email", customer.Email));
        }

        if (customer.SellerId is { } sellerId && customer.Roles.Contains(PlatformAuthentication.SellerRole))
        {
            claims.Add(new Claim(PlatformAuthentication.SellerIdClaim, sellerId));
        }
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformAuthentication.Issuer,
            Audience = PlatformAuthentication.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Signer, SecurityAlgorithms.RsaSha256),
        });
        return (token, (int)Lifetime.TotalSeconds);
    }
}
