using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.BackOffice.Session;

/// <summary>What a sign-in came to: the refusal to show, or a session, full or only to set the authenticator up.</summary>
public sealed record SignInOutcome(string? Refusal, bool MustSetUpAuthenticator = false)
{
    public static SignInOutcome SignedIn { get; } = new((string?)null);
}

/// <summary>The key to show as a QR code while the operator sets their authenticator app up.</summary>
public sealed record AuthenticatorSetUp(string Key, string Uri);

/// <summary>
/// Signs an operator in: Accounts checks the e-mail, the password and the authenticator's code and issues the ops token; the back office
/// checks that token as every service does (Accounts' keys), refuses an account that is not an operations one, and opens the session.
/// An operator without an authenticator yet gets a session that only sets it up (<c>/authentificateur</c>).
/// </summary>
public sealed class OpsSignIn(HttpClient accounts, IServiceProvider services, TimeProvider time, ILogger<OpsSignIn> logger)
{
    public const string WrongCredentials = "L'adresse e-mail ou le mot de passe est incorrect.";
    public const string CodeRequired = "Saisissez le code à six chiffres que montre votre application d'authentification.";
    public const string CodeRefused = "Ce code est faux, expiré ou déjà utilisé : saisissez celui que montre votre application maintenant.";
    public const string NotOperations = "Ce compte n'est pas un compte d'exploitation.";
    public const string TooMany = "Trop d'essais : réessayez dans quelques minutes.";
    public const string Unavailable = "La connexion est momentanément impossible : réessayez dans un instant.";

    /// <summary>Opens the operator's session on <paramref name="http"/>.</summary>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password, string? oneTimeCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await accounts.PostAsJsonAsync("/api/accounts/token", new { email, password, oneTimeCode }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return new(problem.TryGetProperty("secondFactor", out var secondFactor)
                ? secondFactor.GetString() == "required" ? CodeRequired : CodeRefused
                : WrongCredentials);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new(WrongCredentials),
            HttpStatusCode.TooManyRequests => new(TooMany),
            _ => await OpenAsync(http, email, response, cancellationToken),
        };
    }

    /// <summary>A new key for the authenticator app of the operator signed in with their password alone; null when Accounts refuses.</summary>
    public async Task<AuthenticatorSetUp?> StartAuthenticatorAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/me/second-factor");
        request.Headers.Authorization = new("Bearer", http.User.AccessToken());
        using var response = await accounts.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<AuthenticatorSetUp>(cancellationToken) : null;
    }

    /// <summary>The app's first code confirms it: the session becomes the operator's full one; the refusal to show otherwise.</summary>
    public async Task<SignInOutcome> ConfirmAuthenticatorAsync(HttpContext http, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/me/second-factor/confirmation") { Content = JsonContent.Create(new { code }) };
        request.Headers.Authorization = new("Bearer", http.User.AccessToken());
        using var response = await accounts.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.BadRequest
            ? new(CodeRefused)
            : await OpenAsync(http, http.User.FindFirst("name")?.Value ?? "", response, cancellationToken);
    }

    /// <summary>
    /// A token from a code the operator has just typed, for a money action that asks for one (the session keeps its own); the refusal to
    /// show otherwise.
    /// </summary>
    public async Task<(string? Token, string? Refusal)> FreshTokenAsync(string? sessionToken, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, CodeRequired);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/me/second-factor/verification") { Content = JsonContent.Create(new { code }) };
        request.Headers.Authorization = new("Bearer", sessionToken);
        using var response = await accounts.SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK when await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken) is { AccessToken.Length: > 0 } issued =>
                (issued.AccessToken, null),
            HttpStatusCode.BadRequest => (null, CodeRefused),
            HttpStatusCode.TooManyRequests => (null, TooMany),
            _ => (null, Unavailable),
        };
    }

    private async Task<SignInOutcome> OpenAsync(HttpContext http, string email, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken) is not { AccessToken.Length: > 0 } issued)
        {
            logger.LogWarning("Accounts answered {Status} to an operator's sign-in", (int)response.StatusCode);
            return new(Unavailable);
        }

        var checkedToken = await CheckAsync(issued.AccessToken, cancellationToken);
        var role = checkedToken?.IsInRole(PlatformAuthentication.OpsRole) == true ? PlatformAuthentication.OpsRole
            : checkedToken?.IsInRole(PlatformAuthentication.OpsEnrolmentRole) == true ? PlatformAuthentication.OpsEnrolmentRole
            : null;
        if (role is null)
        {
            return new(NotOperations);
        }

        var expires = time.GetUtcNow().AddSeconds(issued.ExpiresIn);
        var identity = new ClaimsIdentity(
            [
                new Claim("sub", checkedToken!.FindFirst("sub")?.Value ?? ""),
                new Claim("name", email.Trim()),
                new Claim("role", role),
                new Claim(BackOfficeSession.AccessTokenClaim, issued.AccessToken),
                new Claim(BackOfficeSession.TokenExpiresClaim, expires.ToString("O", CultureInfo.InvariantCulture)),
            ], BackOfficeSession.Scheme, "name", "role");
        await http.SignInAsync(BackOfficeSession.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return role == PlatformAuthentication.OpsRole ? SignInOutcome.SignedIn : new(null, MustSetUpAuthenticator: true);
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
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && bearer.MetadataAddress is { Length: > 0 } metadata)
        {
            // A key Accounts began signing with after this copy read its keys (a rotation made now): read afresh, as the services do.
            bearer.ConfigurationManager?.RequestRefresh();
            parameters.IssuerSigningKeys = await services.GetRequiredService<FreshSigningKeys>().GetAsync(metadata, cancellationToken);
            result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        }

        if (!result.IsValid)
        {
            logger.LogWarning(result.Exception, "An operator's token from Accounts did not validate");
        }

        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    private sealed record IssuedToken(string AccessToken, int ExpiresIn);
}
