using OrderPlatform.Payment.Features.PaymentRequests;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore();
builder.AddMessaging(bus => bus.AddConsumer<OrderPlacedConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGroup("/api/payments").WithTags("Payments").MapPaymentRequests();

await app.RunAsync();
