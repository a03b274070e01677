using OrderPlatform.Payment.Features.PaymentRequests;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;
using OrderPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore();
builder.AddMessaging(bus => bus.AddConsumer<OrderPlacedConsumer>());
builder.AddPlatformAuthentication();

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGroup("/api/payments").WithTags("Payments").MapPaymentRequests();

await app.RunAsync();
