using OrderPlatform.Notification.Features.OrderNotifications;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Customers;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore();
builder.AddMessaging(bus =>
{
    bus.AddCustomerDirectory();
    bus.AddConsumer<OrderPlacedConsumer>();
});
builder.AddPlatformAuthentication();

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGroup("/api/notifications").WithTags("Notifications").MapNotificationLog();

await app.RunAsync();
