namespace OrderPlatform.Accounts.Security;

/// <summary>
/// The discovery document and JWKS that every service reads Accounts' public key from (on Accounts'
/// own address, not through the gateway): the private key never leaves Accounts.
/// </summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/.well-known/openid-configuration", (HttpRequest request) => TypedResults.Ok(new Dictionary<string, object>
            {
                ["issuer"] = ServiceDefaults.Security.PlatformAuthentication.Issuer,
                ["jwks_uri"] = $"{request.Scheme}://{request.Host}/.well-known/jwks.json",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/.well-known/jwks.json", (KeyRing keys) => TypedResults.Ok(new { keys = new[] { keys.Current.ToPublicJwk() } }))
            .AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
