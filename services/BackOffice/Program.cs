using OrderPlatform.BackOffice.Features.Queues;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;

// The back office for operations: a page (/backoffice) that signs an ops account in and reads the
// services' ops APIs through the gateway, and the broker's queues with what an operator does to them.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddBrokerQueues();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGroup("/api/ops/messaging").WithTags("Operations: messaging").MapBrokerQueues();

await app.RunAsync();

/// <summary>The entry point, for the tests' host.</summary>
public partial class Program;
