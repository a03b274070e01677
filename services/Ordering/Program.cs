using JasperFx.Events.Projections;
using Marten.Events.Projections;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.GetOrder;
using OrderPlatform.Ordering.Features.PlaceOrder;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore(store => store.Projections.Snapshot<Order>(SnapshotLifecycle.Inline));
builder.AddMessaging();
builder.AddPlatformAuthentication();

var app = builder.Build();
app.MapDefaultEndpoints();

var orders = app.MapGroup("/api/orders").WithTags("Orders");
orders.MapPlaceOrder();
orders.MapGetOrder();

await app.RunAsync();
