using OrderPlatform.Catalog;
using OrderPlatform.Catalog.DemoData;
using OrderPlatform.Catalog.Features.Products;
using OrderPlatform.Catalog.Features.StockRequests;
using OrderPlatform.Catalog.Features.Stores;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore(CatalogStorage.Configure);
builder.AddMessaging(bus => bus.AddConsumer<OrderPlacedConsumer>());
builder.Services.AddHostedService<DemoCatalogueLoader>();

var app = builder.Build();
app.MapDefaultEndpoints();

var catalog = app.MapGroup("/api/catalog").WithTags("Catalog");
catalog.MapProducts();
catalog.MapStores();
catalog.MapStockRequests();

await app.RunAsync();
