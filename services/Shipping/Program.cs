using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Messaging;
using OrderPlatform.ServiceDefaults.Persistence;

// Its own database and the bus from the start; its features arrive with their issues.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventStore();
builder.AddMessaging();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunAsync();
