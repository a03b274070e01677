using OrderPlatform.Sandboxes.Carriers;
using OrderPlatform.Sandboxes.Mail;
using OrderPlatform.Sandboxes.Sms;
using OrderPlatform.Sandboxes.Psp;
using OrderPlatform.ServiceDefaults;

// Stands in for the PSP, the carriers and the SMTP/SMS providers; each arrives with the issue that
// needs it (Payment, Shipping, Notification). It keeps everything in memory: no database, no bus.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<PspLedger>();
builder.Services.AddSingleton<CarrierLedger>();
builder.Services.AddSingleton<SmsLedger>();
builder.Services.AddSingleton<SmtpCapture>();
builder.Services.AddHostedService(services => services.GetRequiredService<SmtpCapture>());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPsp();
app.MapCarrierSandboxes();
app.MapMailCapture();
app.MapSmsCapture();

await app.RunAsync();
