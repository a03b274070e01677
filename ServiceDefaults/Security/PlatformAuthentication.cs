using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>
/// Every service validates the bearer tokens Accounts issues, itself, not only the gateway: signed with
/// Accounts' asymmetric key (fetched from its discovery document and JWKS, cached and refreshed), from
/// Accounts' issuer, for this platform's audience, not expired. Roles: customer, ops, seller.
/// </summary>
public static class PlatformAuthentication
{
    public const string Issuer = "orderplatform-accounts";
    public const string Audience = "orderplatform";
    public const string CustomerRole = "customer";
    /// <summary>An operator signed in with their password and their authenticator's code: only such a token carries it.</summary>
    public const string OpsRole = "ops";
    /// <summary>An operator signed in with their password alone, whose authenticator is not set up yet: they may set it up, nothing else.</summary>
    public const string OpsEnrolmentRole = "ops-enrolment";
    public const string SellerRole = "seller";
    public const string Customer = "customer";
    public const string Ops = "ops";
    /// <summary>The policy of a marketplace seller's endpoints: the seller role and the seller acted for.</summary>
    public const string Seller = "seller";
    /// <summary>The claim naming the seller a person with the seller role acts for [MP-01].</summary>
    public const string SellerIdClaim = "seller_id";

    /// <summary>Where a service finds Accounts' keys: its discovery document, on Accounts' own address.</summary>
    public static string MetadataAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var accounts = configuration["services:accounts:http:0"]
            ?? throw new InvalidOperationException("services:accounts:http:0 is required: where Accounts publishes its signing keys (the AppHost sets services__accounts__http__0).");
        return new Uri(new Uri(accounts), "/.well-known/openid-configuration").ToString();
    }

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder, Action<JwtBearerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = false; // services talk over loopback or the cluster network
                options.TokenValidationParameters = ValidationParameters();
                if (configure is null)
                {
                    options.MetadataAddress = MetadataAddress(builder.Configuration);
                    // Accounts publishes a new key well before it signs with it; a token with a key not seen yet is checked again
                    // against keys read afresh (at most every 10 s), so a rotation signs nobody out.
                    options.AutomaticRefreshInterval = TimeSpan.FromMinutes(30);
                    options.RefreshInterval = TimeSpan.FromSeconds(10);
                    options.Events = new JwtBearerEvents { OnAuthenticationFailed = RetryWithFreshKeysAsync };
                }

                configure?.Invoke(options);
            });
        builder.Services.AddHttpClient<FreshSigningKeys>();
        builder.Services.AddOptions<FreshCodeOptions>().BindConfiguration(FreshCodeOptions.Section);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireRole(CustomerRole))
            .AddPolicy(Ops, policy => policy.RequireAuthenticatedUser().RequireRole(OpsRole))
            .AddPolicy(Seller, policy => policy.RequireAuthenticatedUser().RequireRole(SellerRole).RequireClaim(SellerIdClaim));
        return builder;
    }

    private static async Task RetryWithFreshKeysAsync(AuthenticationFailedContext context)
    {
        if (context.Exception is not (SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException)
            || context.Options.MetadataAddress is not { Length: > 0 } metadataAddress
            || context.Request.Headers.Authorization.ToString() is not { } header || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // The handler has asked its own key cache to refresh too; until it has, the keys read here vouch for the token.
        context.Options.ConfigurationManager?.RequestRefresh();
        var parameters = context.Options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = await context.HttpContext.RequestServices.GetRequiredService<FreshSigningKeys>()
            .GetAsync(metadataAddress, context.HttpContext.RequestAborted);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..].Trim(), parameters);
        if (result.IsValid)
        {
            context.Principal = new ClaimsPrincipal(result.ClaimsIdentity);
            context.Success();
        }
    }

    public static TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        NameClaimType = "sub",
        RoleClaimType = "role",
        ClockSkew = TimeSpan.FromSeconds(30),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };

    /// <summary>The signed-in customer's id (the token's subject).</summary>
    public static Guid? CustomerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirst("sub")?.Value, out var id) ? id : null;

    public static bool IsOps(this ClaimsPrincipal user) => user?.IsInRole(OpsRole) == true;

    /// <summary>The seller a signed-in seller's person acts for; null for anyone else.</summary>
    public static string? SellerId(this ClaimsPrincipal user) =>
        user?.IsInRole(SellerRole) == true && user.FindFirst(SellerIdClaim)?.Value is { Length: > 0 } id ? id : null;
}
