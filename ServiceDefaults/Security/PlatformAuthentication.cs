using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    public const string OpsRole = "ops";
    public const string SellerRole = "seller";
    public const string Customer = "customer";
    public const string Ops = "ops";

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
                }

                configure?.Invoke(options);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireRole(CustomerRole))
            .AddPolicy(Ops, policy => policy.RequireAuthenticatedUser().RequireRole(OpsRole));
        return builder;
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
}
