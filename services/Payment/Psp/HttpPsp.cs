using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;

namespace OrderPlatform.Payment.Psp;

/// <summary>
/// The PSP over HTTP (the Sandboxes' PSP in development and tests; a real one is a base address and a
/// key away, <c>Psp:BaseAddress</c>). The standard resilience pipeline retries timeouts and 5xx with the
/// same request, so the same <c>Idempotency-Key</c>: the PSP answers a retry with its first answer.
/// </summary>
public sealed class HttpPsp(HttpClient http) : IPaymentProvider
{
    /// <summary>Where the PSP answers: the Sandboxes' in Development, required anywhere else.</summary>
    public const string BaseAddressSetting = "Psp:BaseAddress";

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<HttpPsp>(client =>
        {
            client.BaseAddress = new Uri(configuration[BaseAddressSetting] ?? "http://sandboxes");
            client.Timeout = TimeSpan.FromSeconds(40);
        });
        services.Configure<HttpStandardResilienceOptions>($"{nameof(HttpPsp)}-standard", options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
            // POSTs are retried too: each carries its idempotency key.
            options.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null
                || args.Outcome.Result?.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
        });
    }

    public Task<PspResult> AuthoriseAsync(string token, long amountCents, string reference, string customer, string idempotencyKey,
        CancellationToken cancellationToken) =>
        SendAsync("/psp/payments", new { token, amountCents, currency = "EUR", reference, customer }, idempotencyKey, cancellationToken);

    public Task<PspResult> CaptureAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync($"/psp/payments/{paymentId}/capture", new { amountCents }, idempotencyKey, cancellationToken);

    public Task<PspResult> VoidAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync($"/psp/payments/{paymentId}/void", new { }, idempotencyKey, cancellationToken);

    public Task<PspResult> RefundAsync(string paymentId, long amountCents, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync($"/psp/payments/{paymentId}/refunds", new { amountCents }, idempotencyKey, cancellationToken);

    public Task<PspResult> ReauthoriseAsync(string paymentId, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync($"/psp/payments/{paymentId}/reauthorize", new { }, idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<PspLedgerEntry>> LedgerAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<List<PspLedgerEntry>>("/psp/payments", cancellationToken) ?? [];
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new PspUnavailableException("The PSP did not list its payments.", e);
        }
    }

    private async Task<PspResult> SendAsync(string path, object body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new PspUnavailableException($"The PSP did not answer {path}.", e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                var code = problem.TryGetProperty("code", out var c) ? c.GetString() ?? "refused" : "refused";
                throw new PspRefusedException(code, problem.TryGetProperty("title", out var t) ? t.GetString() ?? code : code);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PspUnavailableException($"The PSP answered {path} with {(int)response.StatusCode}.");
            }

            var payment = await response.Content.ReadFromJsonAsync<PspPaymentBody>(cancellationToken)
                          ?? throw new PspUnavailableException($"The PSP answered {path} with nothing.");
            return new PspResult(payment.Id, payment.Status, payment.DeclineCode, payment.AuthorizedCents, payment.CapturedCents, payment.RefundedCents,
                payment.AuthorizationExpiresAt, payment.Brand, payment.Last4, payment.Country);
        }
    }

    private sealed record PspPaymentBody(string Id, string Status, string? DeclineCode, long AuthorizedCents, long CapturedCents, long RefundedCents,
        DateTimeOffset? AuthorizationExpiresAt, string? Brand, string? Last4, string? Country);
}
