using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OrderPlatform.BackOffice.Components;
using OrderPlatform.BackOffice.Features.Queues;
using OrderPlatform.BackOffice.Operations;
using OrderPlatform.BackOffice.Session;
using System.Security.Claims;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shops;

// The back office for operations: pages (a Blazor Web App, interactive on the server) that call the services' ops APIs with the
// operator's session, and the broker's queues with what an operator does to them (pages and API).
var builder = WebApplication.CreateBuilder(args);
// The framework's script and the grid's styles are static web assets; served from the build output in every environment.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
// What this shop has (sign-ups to approve, sellers…): pages show only that.
builder.AddShopProfile();
builder.AddBackOfficeSession();
builder.AddBrokerQueues();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHttpClient<OrderingApi>(client => client.BaseAddress = new Uri("https+http://ordering"));
builder.Services.AddHttpClient<PaymentApi>(client => client.BaseAddress = new Uri("https+http://payment"));
builder.Services.AddHttpClient<ReturnsApi>(client => client.BaseAddress = new Uri("https+http://returns"));
builder.Services.AddHttpClient<ShippingApi>(client => client.BaseAddress = new Uri("https+http://shipping"));
builder.Services.AddHttpClient<AccountsApi>(client => client.BaseAddress = new Uri("https+http://accounts"));
foreach (var (service, _, _) in OperatorTrails.Services)
{
    builder.Services.AddHttpClient(OperatorTrails.ClientName(service), client => client.BaseAddress = new Uri($"https+http://{service}"));
}

builder.Services.AddScoped<OperatorTrails>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UsePageSecurityHeaders();
app.UseStaticFiles();
app.UseAntiforgery();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapPost("/deconnexion", async Task<IResult> (HttpContext http, IAntiforgery antiforgery) =>
    {
        // The page's form carries the token; anything else (another site, a script) is refused, whatever its content type.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Le formulaire n'est pas celui de la page.");
        }

        await http.SignOutAsync(BackOfficeSession.Scheme);
        return TypedResults.LocalRedirect(BackOfficeSession.SignInPath);
    })
    .DisableAntiforgery()
    .ExcludeFromDescription();
// A claim's photo for the page's <img>: fetched from Returns with the operator's token, never cached.
app.MapGet("/photos/reclamations/{claimId:guid}", async Task<IResult> (Guid claimId, ClaimsPrincipal user, ReturnsApi returns, CancellationToken cancellationToken) =>
        user.AccessToken() is { } token && await returns.PhotoAsync(claimId, token, cancellationToken) is { } photo
            ? TypedResults.File(photo.Content, photo.ContentType)
            : TypedResults.NotFound())
    .RequireAuthorization(PlatformAuthentication.Ops)
    .ExcludeFromDescription();
// A parcel's label to print, fetched from Shipping with the operator's token.
app.MapGet("/etiquettes/{shipmentId:guid}", async Task<IResult> (Guid shipmentId, ClaimsPrincipal user, ShippingApi shipping, CancellationToken cancellationToken) =>
        user.AccessToken() is { } token && await shipping.LabelAsync(shipmentId, token, cancellationToken) is { } label
            ? TypedResults.File(label.Content, label.ContentType)
            : TypedResults.NotFound())
    .RequireAuthorization(PlatformAuthentication.Ops)
    .ExcludeFromDescription();
app.MapGroup("/api/ops/messaging").WithTags("Operations: messaging").MapBrokerQueues();

await app.RunAsync();

/// <summary>The entry point, for the tests' host.</summary>
public partial class Program;
