using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.BackOffice.Session;

/// <summary>
/// How an operator is signed in to the back office's pages: an HttpOnly, SameSite=Strict cookie naming a session kept on the server
/// (<see cref="ServerSideSessions"/>), which holds the ops token the pages call the services with. Requests under <c>/api</c> keep
/// using bearer tokens, as every service does.
/// </summary>
public static class BackOfficeSession
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string AccessTokenClaim = "ops_access_token";
    public const string TokenExpiresClaim = "ops_token_expires";
    public const string SignInPath = "/connexion";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    private const string EitherScheme = "page-or-api";

    public static IHostApplicationBuilder AddBackOfficeSession(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformAuthentication();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ServerSideSessions>();
        builder.Services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "The session cookie for pages, a bearer token for the API", options =>
                options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : Scheme)
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = "orderplatform-backoffice";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.Events.OnValidatePrincipal = EndWithTheTokenAsync;
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<ServerSideSessions>((options, sessions) => options.SessionStore = sessions);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpClient<OpsSignIn>(client => client.BaseAddress = new Uri("https+http://accounts"));
        return builder;
    }

    /// <summary>The ops token a signed-in operator's pages call the services with.</summary>
    public static string? AccessToken(this ClaimsPrincipal user) => user?.FindFirst(AccessTokenClaim)?.Value;

    /// <summary>A session lasts no longer than the ops token it holds: then the operator signs in again.</summary>
    private static async Task EndWithTheTokenAsync(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.Principal?.FindFirst(TokenExpiresClaim)?.Value is not { } expires
            || !DateTimeOffset.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture, out var at) || at <= time.GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    internal static IOptionsMonitor<JwtBearerOptions> Bearer(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>();
}
