using System.Net;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Conversations.Features.Conversations;

/// <summary>
/// Asks Ordering, as the buyer (with the buyer's own token), for one of the buyer's orders: its number and its lines' sellers, for a
/// conversation or a report about it [MP-09, MP-11]. Ordering answers only for the buyer's own orders, so nobody writes about another's.
/// </summary>
public sealed class BuyersOrders(HttpClient ordering)
{
    public static void Register(IServiceCollection services) =>
        services.AddHttpClient<BuyersOrders>(client => client.BaseAddress = new Uri("http://ordering"));

    /// <summary>The order when it is the caller's; null when Ordering knows no such order of theirs. Throws when Ordering does not answer.</summary>
    public async Task<BuyersOrder?> FindAsync(Guid orderId, HttpContext caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
        request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, caller.Request.Headers.Authorization.ToString());
        using var response = await ordering.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!order.TryGetProperty("customerId", out var customer) || customer.ValueKind != JsonValueKind.String
            || customer.GetGuid() != caller.User.CustomerId())
        {
            return null; // operations see every order, but write only about their own
        }

        return new BuyersOrder(order.GetProperty("orderId").GetGuid(), order.GetProperty("orderNumber").GetString()!,
            order.GetProperty("lines").EnumerateArray()
                .Select(line => line.TryGetProperty("sellerId", out var seller) && seller.ValueKind == JsonValueKind.String ? seller.GetString() : null)
                .ToList());
    }
}
