using OrderPlatform.Catalog.Features.StockRequests;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore();
builder.AddMessaging(bus => bus.AddConsumer<OrderPlacedConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGroup("/api/catalog").WithTags("Catalog").MapStockRequests();

await app.RunAsync();
