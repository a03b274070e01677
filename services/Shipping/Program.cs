using OrderPlatform.Messaging.Audit;
using OrderPlatform.Shops;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shipping;
using OrderPlatform.Shipping.Carriers;
using OrderPlatform.Shipping.Features.PickupPoints;
using OrderPlatform.Shipping.Features.Shipments;

var builder = WebApplication.CreateBuilder(args);
builder.RequireSettings([.. OrderPlatform.Shipping.Carriers.MondialRelay.MondialRelayOptions.RequiredSettings,
    .. OrderPlatform.Shipping.Carriers.LaPoste.LaPosteOptions.RequiredSettings]);
builder.AddServiceDefaults();
builder.AddShopProfile();
builder.AddEventStore(ShippingStorage.Configure);
builder.AddMessaging(bus =>
{
    bus.AddShippingConsumers();
    bus.AddCustomerErasure(); // Shipping keeps no customer directory, only forgets [JI-15]
});
builder.Services.AddSingleton<IForgetCustomer, ShippingCustomerErasure>();
builder.AddPlatformAuthentication();
builder.Services.Configure<ShippingOptions>(builder.Configuration.GetSection("Shipping"));
CarrierDirectory.Register(builder.Services, builder.Configuration);
builder.Services.AddSingleton<LabelBooking>();
builder.Services.AddSingleton<TrackingScan>();
builder.Services.AddHostedService<LabelScan>();
builder.Services.AddHostedService<LateLineScan>();
builder.Services.AddHostedService(services => services.GetRequiredService<TrackingScan>());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOperatorTrail("/api/ops/shipping");

app.MapGroup("/api/shipping").WithTags("Shipping").MapShipping().MapShipments().MapPickupPoints().MapSellerOrders();
app.MapGroup("/api/ops/shipping").WithTags("Operations").MapShipmentOperations().MapRecipientCorrection();

await app.RunOrMigrateAsync(args);
