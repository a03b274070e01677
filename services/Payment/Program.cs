using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.Payment;
using OrderPlatform.Payment.Features.Payments;
using OrderPlatform.Payment.Features.Sellers;
using OrderPlatform.Payment.Psp;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Documents;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.RequireSettings(HttpPsp.BaseAddressSetting);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(PaymentStorage.Configure);
builder.AddMessaging(bus => bus.AddPaymentConsumers());
builder.AddPlatformAuthentication();
builder.Services.AddSingleton(services => PaymentPolicy.For(services.GetRequiredService<ShopProfile>()));
builder.Services.AddSingleton<PaymentSettlement>();
builder.Services.AddSingleton<SellerCommissions>();
builder.Services.AddSingleton<SellerRefunds>();
builder.Services.AddSingleton(DocumentFonts.From(builder.Configuration["Invoicing:FontDirectory"]));
builder.Services.AddHostedService<AuthorisationRenewalScan>();
PaymentProviders.Register(builder.Services, builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/payments");

app.MapGroup("/api/payments").WithTags("Payments").MapPayments().MapPrepaid().MapSellerLedger().MapPayAgain();
app.MapGroup("/api/ops/payments").WithTags("Operations").MapOrphanPayments().MapPrepaidOperations().MapEscalations().MapMoneyFlow()
    .MapSellerLedgerOperations();

await app.RunOrMigrateAsync(args);
