using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>Catalog could not price the basket in time (down, failing, or the circuit is open).</summary>
public sealed class CatalogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prices a checkout with Catalog, the one synchronous call in the order's life: bounded by the
/// standard resilience pipeline (attempt timeout, retry, circuit breaker) and a total timeout, so a
/// checkout fails fast with 503 when Catalog cannot answer.
/// </summary>
public sealed class CatalogPricing(HttpClient http)
{
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(8);

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient<CatalogPricing>(client =>
        {
            client.BaseAddress = new Uri("http://catalog");
            client.Timeout = TotalTimeout + TimeSpan.FromSeconds(1);
        });
        services.Configure<HttpStandardResilienceOptions>($"{nameof(CatalogPricing)}-standard", options =>
        {
            options.TotalRequestTimeout.Timeout = TotalTimeout;
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
            options.Retry.MaxRetryAttempts = 2;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        });
    }

    /// <summary>The price of every SKU, or the checkout's field errors for the SKUs Catalog does not sell.</summary>
    public async Task<(IReadOnlyDictionary<string, PricedSku> Prices, Dictionary<string, string[]> Errors)> PriceAsync(
        IReadOnlyList<RequestedLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var skus = lines.Select(line => line.Sku.Trim().ToUpperInvariant()).Distinct().ToList();
        var request = new { lines = skus.Select(sku => new { sku, quantity = lines.Where(l => l.Sku.Trim().ToUpperInvariant() == sku).Sum(l => l.Quantity) }) };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("/internal/pricing", request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogUnavailableException("Catalog did not answer the pricing request.", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return (new Dictionary<string, PricedSku>(), SkuErrors(lines, skus, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogUnavailableException($"Catalog answered the pricing request with {(int)response.StatusCode}.");
            }

            var priced = await response.Content.ReadFromJsonAsync<PricedLines>(cancellationToken)
                         ?? throw new CatalogUnavailableException("Catalog answered the pricing request with nothing.");
            return (priced.Lines.ToDictionary(line => line.Sku, line => new PricedSku(line.Sku, line.UnitPriceCents, line.ProductName, line.SellerId, line.ShipsWithinDays,
                line.FinalSale)),
                new Dictionary<string, string[]>());
        }
    }

    /// <summary>Catalog names the SKUs it refuses by their index in its request; the storefront needs its own line indexes.</summary>
    private static Dictionary<string, string[]> SkuErrors(IReadOnlyList<RequestedLine> lines, List<string> skus, JsonElement problem)
    {
        var errors = new Dictionary<string, string[]>();
        if (!problem.TryGetProperty("errors", out var refused))
        {
            errors["lines"] = ["Catalog refused the basket."];
            return errors;
        }

        foreach (var field in refused.EnumerateObject())
        {
            var index = int.TryParse(field.Name.AsSpan(6, Math.Max(0, field.Name.IndexOf(']', StringComparison.Ordinal) - 6)), out var i) ? i : -1;
            var sku = index >= 0 && index < skus.Count ? skus[index] : null;
            for (var line = 0; line < lines.Count; line++)
            {
                if (sku is null || lines[line].Sku.Trim().ToUpperInvariant() == sku)
                {
                    errors[$"lines[{line}].sku"] = [$"{lines[line].Sku} is not for sale."];
                }
            }
        }

        return errors;
    }

    private sealed record PricedLines(IReadOnlyList<PricedLine> Lines);

    private sealed record PricedLine(string Sku, long UnitPriceCents, string ProductName, string SellerId, int? ShipsWithinDays, bool FinalSale);
}
