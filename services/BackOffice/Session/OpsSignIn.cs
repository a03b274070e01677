using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.BackOffice.Session;

/// <summary>
/// Signs an operator in: Accounts checks the e-mail and password and issues the ops token; the back office checks that token as
/// every service does (Accounts' keys), refuses an account that is not an operations one, and opens the session.
/// </summary>
public sealed class OpsSignIn(HttpClient accounts, IServiceProvider services, TimeProvider time, ILogger<OpsSignIn> logger)
{
    public const string WrongCredentials = "L'adresse e-mail ou le mot de passe est incorrect.";
    public const string NotOperations = "Ce compte n'est pas un compte d'exploitation.";
    public const string TooMany = "Trop d'essais : réessayez dans quelques minutes.";
    public const string Unavailable = "La connexion est momentanément impossible : réessayez dans un instant.";

    /// <summary>Opens the operator's session on <paramref name="http"/>; the refusal to show, or null once signed in.</summary>
    public async Task<string?> SignInAsync(HttpContext http, string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await accounts.PostAsJsonAsync("/api/accounts/token", new { email, password }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            return WrongCredentials;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return TooMany;
        }

        if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken) is not { AccessToken.Length: > 0 } issued)
        {
            logger.LogWarning("Accounts answered {Status} to an operator's sign-in", (int)response.StatusCode);
            return Unavailable;
        }

        var checkedToken = await CheckAsync(issued.AccessToken, cancellationToken);
        if (checkedToken is null || !checkedToken.IsInRole(PlatformAuthentication.OpsRole))
        {
            return NotOperations;
        }

        var expires = time.GetUtcNow().AddSeconds(issued.ExpiresIn);
        var identity = new ClaimsIdentity(
            [
                new Claim("sub", checkedToken.FindFirst("sub")?.Value ?? ""),
                new Claim("name", email.Trim()),
                new Claim("role", PlatformAuthentication.OpsRole),
                new Claim(BackOfficeSession.AccessTokenClaim, issued.AccessToken),
                new Claim(BackOfficeSession.TokenExpiresClaim, expires.ToString("O", CultureInfo.InvariantCulture)),
            ], BackOfficeSession.Scheme, "name", "role");
        await http.SignInAsync(BackOfficeSession.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return null;
    }

    private async Task<ClaimsPrincipal?> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var bearer = BackOfficeSession.Bearer(services).Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        if (bearer.ConfigurationManager is { } keys)
        {
            var configuration = (OpenIdConnectConfiguration)await keys.GetConfigurationAsync(cancellationToken);
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    private sealed record IssuedToken(string AccessToken, int ExpiresIn);
}
