using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.Shops.Documents;
using OrderPlatform.Ordering;
using OrderPlatform.Ordering.Features.Invoices;
using OrderPlatform.Ordering.Features.OrderProcess;
using OrderPlatform.Ordering.Features.Orders;
using OrderPlatform.Ordering.Features.PlaceOrder;
using OrderPlatform.Ordering.Features.Promotions;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(OrderingStorage.Configure);
builder.AddMessaging(bus =>
{
    bus.AddCustomerDirectory();
    bus.AddOrderProcess();
    bus.AddInvoicing();
});
builder.AddPlatformAuthentication();
builder.Services.AddSingleton(services => OrderingProfile.For(services.GetRequiredService<ShopProfile>()));
builder.Services.AddSingleton<IForgetCustomer, OrderingCustomerErasure>();
CatalogPricing.Register(builder.Services);
PickupPointCheck.Register(builder.Services);
builder.Services.AddSingleton(builder.Configuration.GetSection("Invoicing:Seller").Get<Seller>()
    ?? throw new InvalidOperationException("Invoicing:Seller (the legal mentions on invoices) is required."));
builder.Services.AddSingleton(DocumentFonts.From(builder.Configuration["Invoicing:FontDirectory"]));
builder.Services.AddSingleton<InvoiceIssuer>();
builder.Services.AddHostedService<HandOffScan>();
builder.Services.AddHostedService<StuckOrdersMonitor>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/orders");

var orders = app.MapGroup("/api/orders").WithTags("Orders");
orders.MapPlaceOrder();
orders.MapCustomerOrders().MapOrderModification();
orders.MapInvoices();
app.MapGroup("/api/ops/orders").WithTags("Operations").MapOpsOrders().MapOrderSearch();
app.MapGroup("/api/promotions").WithTags("Promotions").MapPromotions();

await app.RunOrMigrateAsync(args);
