using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.Erasure;
using OrderPlatform.Accounts.Features.Newsletter;
using OrderPlatform.Accounts.Features.Password;
using OrderPlatform.Accounts.Features.PasswordReset;
using OrderPlatform.Accounts.Features.Profile;
using OrderPlatform.Accounts.Features.SecondFactors;
using OrderPlatform.Accounts.Features.Sellers;
using OrderPlatform.Accounts.Features.SignUp;
using OrderPlatform.Accounts.Features.Token;
using OrderPlatform.Accounts.Security;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(AccountsStorage.Configure);
builder.AddMessaging(bus => bus.AddConsumer<SellerCertifiedConsumer>());

// Accounts validates its own tokens with the key it holds; other services read it from the JWKS.
builder.AddPlatformAuthentication(configure: _ => { });
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<KeyRing>((options, keys) => options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keys.Published);
// Read at start: without its protection key, Accounts stops here, naming the setting.
builder.Services.AddSingleton(new SecretSealer(builder.Configuration));
builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
builder.Services.AddSingleton<KeyRing>();
builder.Services.AddHostedService(services => services.GetRequiredService<KeyRing>());
builder.Services.AddHostedService<OpsBootstrap>();
builder.Services.AddSingleton<TokenIssuer>();
// Read at start: a service without its key stops here, naming the setting, rather than failing a customer's reset later.
builder.Services.AddSingleton(new PasswordResetLinks(builder.Configuration));
builder.Services.AddSingleton<IPasswordHasher<Customer>, PasswordHasher<Customer>>();
builder.Services.AddSingleton(services => AccountsPolicy.For(services.GetRequiredService<ShopProfile>()));
builder.Services.AddHostedService<ResetTokenSweep>();
builder.Services.AddHostedService<PendingSignUpExpiry>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/accounts");

app.MapDiscovery();
var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
accounts.MapSignUp();
accounts.MapToken();
accounts.MapSecondFactor();
accounts.MapProfile();
accounts.MapErasure();
accounts.MapPasswordReset();
accounts.MapPasswordChange();
accounts.MapSellerPeople();
app.MapGroup("/api/ops/accounts").WithTags("Operations").MapSigningKeyRotation().MapSignUpApprovals().MapSecondFactorReset();
app.MapNewsletter();

await app.RunOrMigrateAsync(args);
