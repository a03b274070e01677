using OrderPlatform.Sandboxes.Carriers;
using OrderPlatform.Sandboxes.Psp;
using OrderPlatform.ServiceDefaults;

// Stands in for the PSP, the carriers and the SMTP/SMS providers; each arrives with the issue that
// needs it (Payment, Shipping, Notification). It keeps everything in memory: no database, no bus.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<PspLedger>();
builder.Services.AddSingleton<CarrierLedger>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPsp();
app.MapCarrierSandboxes();

await app.RunAsync();
