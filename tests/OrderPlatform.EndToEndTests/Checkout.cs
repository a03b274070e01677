using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderPlatform.EndToEndTests;

/// <summary>Checkouts as a storefront sends them: a full body and an Idempotency-Key.</summary>
public static class Checkout
{
    /// <summary>
    /// Stands for "the Visa card the payment form has just tokenised": <see cref="PlaceAsync"/> puts a fresh one-time token in its
    /// place (the same one when the same request is retried with its Idempotency-Key), as the PSP's tokens pay once.
    /// </summary>
    public const string VisaToken = "visa-from-the-payment-form";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> TokensPerCheckout = new();

    /// <summary>Each platform under test's Sandboxes, by its gateway's address: their PSP tokenises the cards (platforms run side by side).</summary>
    private static readonly ConcurrentDictionary<string, Uri> SandboxesByGateway = new();

    public static void Register(Uri gateway, Uri sandboxes) => SandboxesByGateway[gateway.Authority] = sandboxes;

    /// <summary>A Mondial Relay point near 75002 (the bodies' delivery address), as the checkout's map lists it (the same on every platform).</summary>
    public static string RelayPoint { get; set; } = "";

    /// <summary>What the storefront's map does: the carrier's points near a postal code, the first one's number.</summary>
    public static async Task<string> RelayPointNearAsync(HttpClient gateway, string postalCode) =>
        (await gateway.GetFromJsonAsync<JsonElement>($"/api/shipping/pickup-points?carrier=mondial-relay&postalCode={postalCode}"))[0]
        .GetProperty("id").GetString()!;

    /// <summary>What the storefront's payment form does: the card number goes to the PSP, a token comes back.</summary>
    public static async Task<string> TokeniseAsync(Uri sandboxes, string cardNumber)
    {
        using var psp = new HttpClient { BaseAddress = sandboxes };
        using var response = await psp.PostAsJsonAsync("/psp/tokens", new { cardNumber, expMonth = 12, expYear = 2030, cvc = "123" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static object Body(IEnumerable<(string Sku, int Quantity)> lines, string? promoCode = null, string method = "card", string? phone = "06 12 34 56 78",
        string? token = null, string firstName = "Camille", string lastName = "Durand", object? delivery = null) => new
    {
        lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }).ToArray(),
        deliveryAddress = new { firstName, lastName, line1 = "12 rue de la Paix", postalCode = "75002", city = "Paris", country = "FR", phone },
        delivery = delivery ?? new { carrier = "mondial-relay", mode = "relay-point", pickupPointId = RelayPoint },
        payment = new { method, token = token ?? VisaToken },
        promoCode,
    };

    public static object Body(string sku, int quantity = 1, string? promoCode = null) => Body([(sku, quantity)], promoCode);

    public static async Task<HttpResponseMessage> PlaceAsync(HttpClient customer, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var key = idempotencyKey ?? Guid.NewGuid().ToString();
        var json = JsonSerializer.SerializeToNode(body);
        if (json?["payment"]?["token"] is JsonValue token && token.GetValue<string>() == VisaToken)
        {
            json["payment"]!["token"] = await TokensPerCheckout.GetOrAdd(key, _ => new(() => TokeniseAsync(SandboxesByGateway[customer.BaseAddress!.Authority], "4242 4242 4242 4242"))).Value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(json) };
        request.Headers.Add("Idempotency-Key", key);
        return await customer.SendAsync(request);
    }

    /// <summary>Places the order and returns its id; fails the test when the checkout is refused.</summary>
    public static async Task<string> PlacedOrderIdAsync(HttpClient customer, object body)
    {
        using var response = await PlaceAsync(customer, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Checkout refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
    }
}
