using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Http.Resilience;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>
/// Whether the relay point or post office a checkout names is one the carrier lists near the delivery address (what the
/// checkout's map offers), asked through Shipping and kept an hour per carrier and postal code, so a sales day does not ask
/// the carrier once per order. A format-valid number the carrier does not know there would never be labelled.
/// </summary>
public sealed class PickupPointCheck(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    public static void Register(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddHttpClient<PickupPointCheck>(client =>
        {
            client.BaseAddress = new Uri("http://shipping");
            client.Timeout = TimeSpan.FromSeconds(9);
        });
        services.Configure<HttpStandardResilienceOptions>($"{nameof(PickupPointCheck)}-standard", options =>
        {
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
            options.Retry.MaxRetryAttempts = 1;
        });
    }

    /// <summary>
    /// For a delivery to a pickup point: the field error when the carrier has no such point near the address, or "unavailable" when it
    /// cannot be asked; nothing to say for home delivery or a known point.
    /// </summary>
    public async Task<(Dictionary<string, string[]>? Invalid, bool Unavailable)> VerifyAsync(DeliveryOption option, string? pointId, PostalAddress address,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(address);
        if (!option.NeedsPickupPoint)
        {
            return (null, false);
        }

        var point = pointId?.Trim() ?? "";
        return await IsNearAsync(option.Carrier, point, address.PostalCode, address.Country, cancellationToken) switch
        {
            null => (null, true),
            false => (new Dictionary<string, string[]>
            {
                ["delivery.pickupPointId"] = [$"The carrier has no point {point} near {address.PostalCode}: "
                    + "choose one of GET /api/shipping/pickup-points for the delivery address's postal code."],
            }, false),
            true => (null, false),
        };
    }

    /// <summary>True or false; null when Shipping or the carrier cannot say right now.</summary>
    public async Task<bool?> IsNearAsync(string carrier, string pointId, string postalCode, string country, CancellationToken cancellationToken)
    {
        var key = $"pickup-points:{carrier}:{country}:{postalCode}";
        if (!cache.TryGetValue(key, out IReadOnlySet<string>? points) || points is null)
        {
            points = await ListAsync(carrier, postalCode, country, cancellationToken);
            if (points is null)
            {
                return null;
            }

            cache.Set(key, points, KeptFor);
        }

        return points.Contains(pointId);
    }

    private async Task<IReadOnlySet<string>?> ListAsync(string carrier, string postalCode, string country, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(
                $"/api/shipping/pickup-points?carrier={Uri.EscapeDataString(carrier)}&postalCode={Uri.EscapeDataString(postalCode)}&country={Uri.EscapeDataString(country)}",
                cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return new HashSet<string>(); // a postal code the carrier cannot search has no point near it
            }

            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var points = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return points.EnumerateArray().Select(point => point.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
