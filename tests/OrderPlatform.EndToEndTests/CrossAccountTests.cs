using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Another customer's resources answer 404, on every route that takes an id, enumerated from the
/// merged OpenAPI document: a new route without a class here fails this test [ALL-05].
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossAccountTests(PlatformFixture platform)
{
    /// <summary>Party: a buyer–seller conversation or a report, seen by its buyer, its seller and ops; anyone else is told it does not exist.</summary>
    internal enum Scope { Customer, Ops, Public, Seller, Party }

    // Every route with a path parameter, and who may read it.
    internal static readonly Dictionary<string, Scope> Routes = new()
    {
        ["/api/orders/{orderId}"] = Scope.Customer,
        ["/api/orders/{orderId}/cancel"] = Scope.Customer,
        ["/api/orders/{orderId}/modification"] = Scope.Customer,
        ["/api/orders/{orderId}/invoice"] = Scope.Customer,
        ["/api/promotions/{code}"] = Scope.Public, // a code is the shop's, not a customer's
        ["/api/catalog/reservations/{reservationId}"] = Scope.Customer,
        ["/api/catalog/orders/{orderId}/stock"] = Scope.Ops,
        ["/api/payments/orders/{orderId}"] = Scope.Ops,
        ["/api/payments/orders/{orderId}/authorisation"] = Scope.Customer,
        ["/api/ops/payments/orders/{orderId}/renewal"] = Scope.Ops,
        ["/api/ops/orders/{orderId}/cancellation"] = Scope.Ops,
        ["/api/ops/payments/orphans/{pspPaymentId}/refund"] = Scope.Ops,
        ["/api/ops/payments/store-credit/{customerId}"] = Scope.Ops,
        ["/api/payments/gift-cards/{code}"] = Scope.Public, // whoever holds the code holds the card
        ["/api/notifications/orders/{orderId}"] = Scope.Ops,
        ["/api/notifications/customers/{customerId}"] = Scope.Ops,
        ["/api/catalog/stock/{sku}"] = Scope.Ops,
        ["/api/catalog/products/{productId}"] = Scope.Public,
        ["/api/catalog/sellers/applications/{applicationId}"] = Scope.Customer, // fashion-retail has none: 404 to all but ops, proven on the marketplace
        ["/api/catalog/sellers/applications/{applicationId}/decision"] = Scope.Ops,
        ["/api/catalog/sellers/{sellerId}/suspension"] = Scope.Ops,
        ["/api/ops/orders/{orderId}/hand-off"] = Scope.Ops,
        ["/api/ops/orders/{orderId}/returned-parcels/{shipmentId}/reship"] = Scope.Ops,
        ["/api/ops/orders/{orderId}/returned-parcels/{shipmentId}/refund"] = Scope.Ops,
        ["/api/ops/shipping/shipments/{shipmentId}/recipient"] = Scope.Ops,
        ["/api/shipping/orders/{orderId}/shipments"] = Scope.Customer,
        ["/api/shipping/shipments/{shipmentId}"] = Scope.Customer,
        ["/api/shipping/shipments/{shipmentId}/label"] = Scope.Ops,
        ["/api/shipping/shipments/{shipmentId}/received"] = Scope.Customer,
        ["/api/ops/shipping/shipments/{shipmentId}/label"] = Scope.Ops,
        ["/api/returns/{returnId}"] = Scope.Customer,
        ["/api/returns/{returnId}/authorisation"] = Scope.Customer,
        ["/api/returns/{returnId}/reception"] = Scope.Ops,
        ["/api/claims/{claimId}"] = Scope.Customer,
        ["/api/claims/{claimId}/photo"] = Scope.Customer,
        ["/api/ops/returns/claims/{claimId}/resolution"] = Scope.Ops,
        ["/api/ops/messaging/queues/{queue}/messages"] = Scope.Ops,
        ["/api/ops/messaging/queues/{queue}/redrive"] = Scope.Ops,
        // A marketplace seller's own: a customer is refused (403); another seller is told it does not exist (404), proven on the marketplace.
        ["/api/accounts/seller/people/{customerId}"] = Scope.Seller,
        ["/api/catalog/seller/products/{productId}"] = Scope.Seller,
        ["/api/catalog/seller/stock/{sku}"] = Scope.Seller,
        ["/api/shipping/seller/orders/{orderId}"] = Scope.Seller,
        ["/api/shipping/seller/orders/{orderId}/shipments"] = Scope.Seller,
        ["/api/shipping/seller/shipments/{shipmentId}/label"] = Scope.Seller,
        ["/api/returns/seller/{returnId}"] = Scope.Seller,
        ["/api/returns/seller/{returnId}/reception"] = Scope.Seller,
        // The marketplace's conversations and reports (fashion-retail has none: 404 to all but ops' close, proven on the marketplace).
        ["/api/conversations/{conversationId}"] = Scope.Party,
        ["/api/conversations/{conversationId}/messages"] = Scope.Party,
        ["/api/conversations/{conversationId}/attachments/{attachmentId}"] = Scope.Party,
        ["/api/reports/{reportId}"] = Scope.Party,
        ["/api/reports/{reportId}/entries"] = Scope.Party,
        ["/api/reports/{reportId}/close"] = Scope.Ops,
        ["/api/ops/accounts/sign-ups/{customerId}/decision"] = Scope.Ops,
        ["/api/ops/accounts/operators/{accountId}/second-factor"] = Scope.Ops,
        ["/api/ops/payments/sellers/{sellerId}/balance"] = Scope.Ops,
        ["/api/ops/payments/sellers/{sellerId}/statement"] = Scope.Ops,
        ["/api/ops/payments/sellers/{sellerId}/commission"] = Scope.Ops,
        ["/api/ops/payments/sellers/{sellerId}/payouts"] = Scope.Ops,
    };

    // Operations on a customer's path that only ops may perform.
    private static readonly HashSet<string> OpsOperations = ["POST /api/shipping/orders/{orderId}/shipments"];

    [Fact]
    public async Task Every_route_with_an_id_keeps_other_customers_out_ALL_05()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/platform.json");
        var withIds = document.GetProperty("paths").EnumerateObject().Where(path => path.Name.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.All(withIds, path => Assert.True(Routes.ContainsKey(path.Name), $"{path.Name} is new: say who may read it in CrossAccountTests"));

        using var alice = await Accounts.NewCustomerAsync(platform.Gateway);
        using var bob = await Accounts.NewCustomerAsync(platform.Gateway);
        var owned = await AliceResourcesAsync(alice);

        foreach (var path in withIds.Where(path => Routes[path.Name] != Scope.Public))
        {
            foreach (var method in path.Value.EnumerateObject().Select(operation => operation.Name.ToUpperInvariant()))
            {
                var url = Fill(path.Name, owned);
                using var request = Request(method, url, path.Value);
                using var response = await bob.SendAsync(request);
                var expected = Routes[path.Name] is Scope.Customer or Scope.Party && !OpsOperations.Contains($"{method} {path.Name}")
                    ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
                Assert.True(response.StatusCode == expected, $"{method} {url} as another customer: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
    }

    /// <summary>One of each resource Alice owns, by the path parameter that names it.</summary>
    private async Task<Dictionary<string, string>> AliceResourcesAsync(HttpClient alice)
    {
        var orderId = await Checkout.PlacedOrderIdAsync(alice, Checkout.Body("FEMME-ROBE-D-ETE-FLEURIE-BLANC-M"));
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(alice, orderId);
        var shipped = await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order));
        await Warehouse.DeliverAsync(platform.Sandboxes, shipped.GetProperty("shipment"), DateTimeOffset.UtcNow.AddHours(-1));
        var returned = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await alice.PostAsJsonAsync("/api/returns", new
            {
                orderId, lines = new[] { new { lineId = order.GetProperty("lines")[0].GetProperty("lineId").GetString(), quantity = 1, reason = "other" } },
                refundMethod = "original",
            });
            return response.StatusCode == HttpStatusCode.Created ? (object)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, TimeSpan.FromSeconds(45), "Alice's return once her parcel is delivered");
        // Her one unit is coming back: a claim about the parcel names no line.
        using var claimed = await alice.PostAsync("/api/claims", ReturnsTests.Claim(orderId, "damaged", null, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        // The demo data gives this SKU two units in this store; no other test holds them.
        using var reservation = await alice.PostAsJsonAsync("/api/catalog/reservations", new { sku = "FEMME-ROBE-D-ETE-FLEURIE-NOIR-XL", storeId = "paris-rivoli" });
        Assert.Equal(HttpStatusCode.Created, reservation.StatusCode);
        var reservationId = (await reservation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reservationId").GetString()!;
        return new Dictionary<string, string>
        {
            ["orderId"] = orderId,
            ["reservationId"] = reservationId,
            ["sku"] = "FEMME-ROBE-D-ETE-FLEURIE-BLANC-M",
            ["customerId"] = (await alice.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString()!,
            ["pspPaymentId"] = "pay_of_alice",
            ["shipmentId"] = shipped.GetProperty("shipment").GetProperty("shipmentId").GetString()!,
            ["returnId"] = returned.GetProperty("returnId").GetString()!,
            ["claimId"] = (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimId").GetString()!,
        };
    }

    /// <summary>A request to the route as a client would make it: a body of the kind the operation takes (JSON, or a form with a text).</summary>
    internal static HttpRequestMessage Request(string method, string url, JsonElement path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "PUT" or "POST")
        {
            var form = path.GetProperty(method.ToLowerInvariant()).TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("multipart/form-data", out _);
            request.Content = form ? new MultipartFormDataContent { { new StringContent("Bonjour"), "text" } } : JsonContent.Create(new { add = 1, text = "Bonjour" });
        }

        return request;
    }

    internal static string Fill(string template, Dictionary<string, string> values) =>
        values.Aggregate(template, (path, value) => path.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
}
