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
        routes.MapGet("/.well-known/jwks.json", (KeyRing keys) => TypedResults.Ok(new { keys = keys.Published.Select(SigningKey.PublicJwkOf).ToArray() }))
            .AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}

/// <summary>Ops make the next signing key now, when one may have leaked; customers stay signed in.</summary>
public static class SigningKeyRotationEndpoint
{
    public sealed record RotationView(string KeyId, DateTimeOffset SignsFrom);

    public static RouteGroupBuilder MapSigningKeyRotation(this RouteGroupBuilder ops)
    {
        ops.MapPost("/signing-keys/rotation", async (KeyRing keys, CancellationToken cancellationToken) =>
            {
                var next = await keys.RotateNowAsync(cancellationToken);
                return TypedResults.Accepted((string?)null, new RotationView(next.Id, next.SignsFrom));
            })
            .RequireAuthorization(ServiceDefaults.Security.PlatformAuthentication.Ops)
            .WithName("RotateSigningKey")
            .WithSummary("Makes the next token-signing key now: in the JWKS at once, signing shortly after; tokens signed before stay valid until they expire")
            .Produces<RotationView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return ops;
    }
}
