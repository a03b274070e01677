using OrderPlatform.Conversations;
using OrderPlatform.Conversations.Features.Conversations;
using OrderPlatform.Conversations.Features.Reports;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Audit;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shops;
using OrderPlatform.Shops.Customers;

// What buyers, sellers and the platform say to each other on a marketplace: conversations about an order or a product [MP-09] and
// reports of a problem [MP-11]. A shop without sellers maps none of it: its service answers only its health.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(ConversationsStorage.Configure);
builder.AddMessaging(bus => bus.AddCustomerErasure());
builder.Services.AddSingleton<IForgetCustomer, ConversationsCustomerErasure>();
builder.AddPlatformAuthentication();
BuyersOrders.Register(builder.Services);
CatalogProducts.Register(builder.Services);
builder.Services.AddSingleton(ReportDeadlines.From(builder.Configuration));
builder.Services.AddHostedService<ReportEscalationScan>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/conversations");
if (app.Services.GetRequiredService<ShopProfile>().Sellers)
{
    app.MapGroup("/api/conversations").WithTags("Conversations").MapConversations();
    app.MapGroup("/api/reports").WithTags("Reports").MapReports();
}

await app.RunOrMigrateAsync(args);
