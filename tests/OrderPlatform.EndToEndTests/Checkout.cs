using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Checkouts as a storefront sends them: a full body and an Idempotency-Key.</summary>
public static class Checkout
{
    /// <summary>A Visa card the sandbox PSP tokenised when the platform started: what a storefront's payment form returns.</summary>
    public static string VisaToken { get; set; } = "";

    /// <summary>A Mondial Relay point near 75002 (the bodies' delivery address), as the checkout's map lists it.</summary>
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
        string? token = null, string firstName = "Camille", string lastName = "Durand") => new
    {
        lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }).ToArray(),
        deliveryAddress = new { firstName, lastName, line1 = "12 rue de la Paix", postalCode = "75002", city = "Paris", country = "FR", phone },
        delivery = new { carrier = "mondial-relay", mode = "relay-point", pickupPointId = RelayPoint },
        payment = new { method, token = token ?? VisaToken },
        promoCode,
    };

    public static object Body(string sku, int quantity = 1, string? promoCode = null) => Body([(sku, quantity)], promoCode);

    public static async Task<HttpResponseMessage> PlaceAsync(HttpClient customer, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
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
