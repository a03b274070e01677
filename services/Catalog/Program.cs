using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.Catalog;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.DemoData;
using OrderPlatform.Catalog.Features.InStoreReservations;
using OrderPlatform.Catalog.Features.Pricing;
using OrderPlatform.Catalog.Features.Products;
using OrderPlatform.Catalog.Features.Restock;
using OrderPlatform.Catalog.Features.Sellers;
using OrderPlatform.Catalog.Features.StockReservations;
using OrderPlatform.Catalog.Features.Stores;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(CatalogStorage.Configure);
builder.AddMessaging(bus =>
{
    bus.AddConsumer<ReserveStockConsumer>();
    bus.AddConsumer<ReleaseStockOnCancellation>();
    bus.AddConsumer<ReleaseStockOnRefusedPayment>();
    bus.AddConsumer<CommitStockOnShipment>();
    bus.AddConsumer<WriteOffMissingStock>();
    bus.AddConsumer<ReceiveReturnedParcel>();
    bus.AddConsumer<ReleaseStockOnModification>();
});
builder.Services.AddHostedService<DemoCatalogueLoader>();
builder.Services.AddHostedService<ReservationExpiry>();
builder.AddPlatformAuthentication();
builder.Services.AddSingleton(services => CatalogProfile.StockPolicy(services.GetRequiredService<ShopProfile>()));
builder.Services.AddSingleton(services => CatalogProfile.PricePolicy(services.GetRequiredService<ShopProfile>()));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/catalog/ops");

var catalog = app.MapGroup("/api/catalog").WithTags("Catalog");
catalog.MapProducts();
catalog.MapStores();
catalog.MapStockReservations();
catalog.MapRestock();
catalog.MapInStoreReservations();
if (app.Services.GetRequiredService<ShopProfile>().Sellers)
{
    catalog.MapSellerApplications();
    catalog.MapSellerSuspension();
}

catalog.MapSellerProducts();
app.MapPricing();

await app.RunOrMigrateAsync(args);
