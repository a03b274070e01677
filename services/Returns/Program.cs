using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.Returns;
using OrderPlatform.Returns.Features.Claims;
using OrderPlatform.Returns.Features.Returns;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Shops.Documents;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(ReturnsStorage.Configure);
builder.AddMessaging(bus =>
{
    bus.AddCustomerDirectory();
    bus.AddReturnConsumers();
});
builder.Services.AddSingleton<IForgetCustomer, ReturnsCustomerErasure>();
builder.AddPlatformAuthentication();
OrderNotYetKnown.Register(builder.Services);
builder.Services.AddSingleton(services => ReturnsPolicy.For(services.GetRequiredService<ShopProfile>()));
builder.Services.AddSingleton(DocumentFonts.From(builder.Configuration["Returns:FontDirectory"]));
builder.Services.AddSingleton(ReturnDeadlines.From(builder.Configuration));
builder.Services.AddHostedService<ReturnExpiryScan>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/returns");

app.MapGroup("/api/returns").WithTags("Returns").MapReturns().MapReception().MapSellerReturns();
app.MapGroup("/api/claims").WithTags("Claims").MapClaims();
app.MapGroup("/api/ops/returns").WithTags("Operations").MapReturnOperations().MapClaimOperations();

await app.RunOrMigrateAsync(args);
