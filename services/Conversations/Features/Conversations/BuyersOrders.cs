using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>
    /// What a conversation or a report about one of the caller's orders is about: the order and which of its sellers
    /// (<see cref="ConversationRules.AboutOrder"/>). Else the problem to answer (503 when Ordering does not answer, 404 when the order is
    /// not the caller's), or why the seller named will not do (a validation problem on <c>sellerId</c>).
    /// </summary>
    public async Task<(ConversationSubject? Subject, ProblemHttpResult? Problem, string? SellerRefusal)> SubjectAsync(Guid orderId, string? sellerId,
        HttpContext caller, CancellationToken cancellationToken)
    {
        BuyersOrder? order;
        try
        {
            order = await FindAsync(orderId, caller, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Orders do not answer: try again in a moment."),
                null);
        }

        if (order is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "You have no such order."), null);
        }

        var (subject, refusal) = ConversationRules.AboutOrder(order, sellerId);
        return (subject, null, refusal);
    }

    /// <summary>The order when it is the caller's; null when Ordering knows no such order of theirs. Throws when Ordering does not answer.</summary>
    private async Task<BuyersOrder?> FindAsync(Guid orderId, HttpContext caller, CancellationToken cancellationToken)
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
