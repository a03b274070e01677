using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Net.Http.Headers;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>
/// A customer asking to return (or claim on) an order Returns has not heard of: after an outage Returns' queue can be behind the order
/// the customer sees delivered. Ordering, asked as that customer, says whether the order is theirs: then the answer is "not yet"
/// (409, Retry-After), not a 404 that would tell the customer their order does not exist; another customer's order or an id nobody
/// placed stays 404.
/// </summary>
public sealed class OrderNotYetKnown(HttpClient ordering)
{
    private const int RetryAfterSeconds = 5;

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient<OrderNotYetKnown>(client =>
        {
            client.BaseAddress = new Uri("http://ordering");
            client.Timeout = TimeSpan.FromSeconds(6);
        });
        services.Configure<HttpStandardResilienceOptions>($"{nameof(OrderNotYetKnown)}-standard", options =>
        {
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
            options.Retry.MaxRetryAttempts = 1;
        });
    }

    /// <summary>Null (answer 404) when the order is not the caller's; 409 to retry when it is; 503 when Ordering cannot say.</summary>
    public async Task<ProblemHttpResult?> AnswerAsync(Guid orderId, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpStatusCode? ordered;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, context.Request.Headers.Authorization.ToString());
            using var response = await ordering.SendAsync(request, cancellationToken);
            ordered = response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            ordered = null;
        }

        if (ordered is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ordered == HttpStatusCode.OK
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order has not reached returns yet.",
                detail: $"Its news is on its way to the returns service: try again in {RetryAfterSeconds} seconds.")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Returns cannot check this order right now.",
                detail: $"Try again in {RetryAfterSeconds} seconds.");
    }
}
