using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Sellers act on the marketplace, through the gateway: they publish, see only their own lines and ship them in their own parcels.</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceSellerTests(MarketplacePlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_certified_seller_publishes_a_buyer_orders_from_two_sellers_and_each_ships_only_its_own_lines_in_its_own_parcel_MP_01_MP_06_MP_08()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var linen = await Sellers.CertifiedAsync(platform.Gateway, ops, "Lin " + Guid.NewGuid().ToString("N")[..8]);
        using var pottery = await Sellers.CertifiedAsync(platform.Gateway, ops, "Poterie " + Guid.NewGuid().ToString("N")[..8]);

        // Each publishes a product at its all-in price, with the days it takes to ship [MP-01, MP-02, MP-08].
        var (apronId, apron) = await Sellers.PublishedProductAsync(linen.Client, "Tablier en lin brodé", 4500, shipsWithinDays: 2, units: 5);
        var (bowlId, bowl) = await Sellers.PublishedProductAsync(pottery.Client, "Bol en grès émaillé", 3200, shipsWithinDays: 4, units: 5);
        var page = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/products/{apronId}");
        Assert.Equal((4500L, 2, true), (page.GetProperty("priceCents").GetInt64(), page.GetProperty("shipsWithinDays").GetInt32(),
            page.GetProperty("deliveryIncluded").GetBoolean()));
        // Neither seller touches the other's product or stock.
        Assert.Equal(HttpStatusCode.NotFound, (await pottery.Client.PutAsJsonAsync($"/api/catalog/seller/products/{apronId}", new { priceCents = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pottery.Client.PutAsJsonAsync($"/api/catalog/seller/stock/{apron}", new { onHand = 0 })).StatusCode);
        Assert.DoesNotContain((await pottery.Client.GetFromJsonAsync<JsonElement>("/api/catalog/seller/products")).EnumerateArray(),
            product => product.GetProperty("id").GetString() == apronId);

        // A buyer orders from both; paid at order, the order reaches the sellers [MP-06].
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(buyer, Checkout.Body([(apron, 1), (bowl, 2)]));
        var order = await Warehouse.ConfirmedAsync(buyer, orderId);
        Assert.Equal(4500 + 2 * 3200, order.GetProperty("totalCents").GetInt64());
        await Warehouse.HandOffAsync(ops, orderId);

        var linenLines = await OwnLinesAsync(linen.Client, orderId);
        var potteryLines = await OwnLinesAsync(pottery.Client, orderId);
        Assert.Equal([apron], linenLines.Select(line => line.GetProperty("sku").GetString()));
        Assert.Equal([bowl], potteryLines.Select(line => line.GetProperty("sku").GetString()));
        Assert.Equal(2, potteryLines[0].GetProperty("leftToShip").GetInt32());
        Assert.False(potteryLines[0].GetProperty("late").GetBoolean());

        // The potter cannot ship the linen seller's line: it is not there for it.
        var apronLine = Warehouse.LineOf(order, apron);
        using var notTheirs = await pottery.Client.PostAsJsonAsync($"/api/shipping/seller/orders/{orderId}/shipments",
            new { lines = new[] { new { lineId = apronLine, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);

        var apronParcel = await ShipAsync(linen.Client, orderId, apronLine, 1);
        var bowlParcel = await ShipAsync(pottery.Client, orderId, Warehouse.LineOf(order, bowl), 2);
        Assert.NotEqual(apronParcel.GetProperty("trackingNumber").GetString(), bowlParcel.GetProperty("trackingNumber").GetString());

        // Each seller sees its own parcel only, prints its own label only; the buyer follows both.
        var linenView = await linen.Client.GetFromJsonAsync<JsonElement>($"/api/shipping/seller/orders/{orderId}");
        Assert.Equal([apronParcel.GetProperty("shipmentId").GetString()],
            linenView.GetProperty("shipments").EnumerateArray().Select(shipment => shipment.GetProperty("shipmentId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound,
            (await linen.Client.GetAsync($"/api/shipping/seller/shipments/{bowlParcel.GetProperty("shipmentId").GetString()}/label")).StatusCode);
        using var label = await pottery.Client.GetAsync($"/api/shipping/seller/shipments/{bowlParcel.GetProperty("shipmentId").GetString()}/label");
        Assert.True(label.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)label.StatusCode}");
        var tracked = await buyer.GetFromJsonAsync<JsonElement>($"/api/shipping/orders/{orderId}/shipments");
        Assert.Equal(2, tracked.GetArrayLength());
        Assert.DoesNotContain((await linen.Client.GetFromJsonAsync<JsonElement>("/api/shipping/seller/orders")).EnumerateArray(),
            open => open.GetProperty("orderId").GetString() == orderId); // nothing left for it to ship
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() == 4500 + 2 * 3200, "the charge at order");
    }

    [Fact]
    public async Task A_sellers_person_adds_a_colleague_who_chooses_a_password_from_the_emailed_link_and_acts_for_the_same_seller_MP_01()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var seller = await Sellers.CertifiedAsync(platform.Gateway, ops, "Savonnerie " + Guid.NewGuid().ToString("N")[..8]);
        var colleague = Accounts.NewEmail();

        using var added = await seller.Client.PostAsJsonAsync("/api/accounts/seller/people", new { email = colleague, firstName = "Inès" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetBoolean());
        using var again = await seller.Client.PostAsJsonAsync("/api/accounts/seller/people", new { email = colleague });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // already one of its people
        using var opsAsPerson = await seller.Client.PostAsJsonAsync("/api/accounts/seller/people", new { email = Accounts.OpsEmail });
        Assert.Equal(HttpStatusCode.Conflict, opsAsPerson.StatusCode);

        var mail = await Mailbox.WaitAsync(platform.Sandboxes, colleague, "compte vendeur");
        var token = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(mail.GetProperty("text").GetString()!, @"token=([^\s]+)").Groups[1].Value);
        using var chosen = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset/confirm", new { token, newPassword = "Savon-de-Lyon-2026" });
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);
        using var colleagueClient = await Sellers.SignedInAsSellerAsync(platform.Gateway, colleague, "Savon-de-Lyon-2026");
        var (productId, _) = await Sellers.PublishedProductAsync(colleagueClient, "Savon au lait d'ânesse", 900, shipsWithinDays: 3, units: 10);
        Assert.Contains((await seller.Client.GetFromJsonAsync<JsonElement>("/api/catalog/seller/products")).EnumerateArray(),
            product => product.GetProperty("id").GetString() == productId);

        var people = await seller.Client.GetFromJsonAsync<JsonElement>("/api/accounts/seller/people");
        Assert.Equal(2, people.GetArrayLength());
        var colleagueId = people.EnumerateArray().Single(person => person.GetProperty("email").GetString() == colleague).GetProperty("customerId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await seller.Client.DeleteAsync($"/api/accounts/seller/people/{colleagueId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Accounts.SignedInAsync(platform.Gateway, colleague, "Savon-de-Lyon-2026"))
            .GetAsync("/api/catalog/seller/products")).StatusCode);
    }

    [Fact]
    public async Task A_seller_ships_a_home_delivery_with_its_own_carrier_and_tracking_number_and_the_buyer_confirms_receipt_MP_08()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var seller = await Sellers.CertifiedAsync(platform.Gateway, ops, "Ébénisterie " + Guid.NewGuid().ToString("N")[..8]);
        var (_, sku) = await Sellers.PublishedProductAsync(seller.Client, "Tabouret en chêne", 12000, shipsWithinDays: 5, units: 2);
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(buyer, Checkout.Body([(sku, 1)], delivery: new { carrier = "la-poste", mode = "home" }));
        var order = await Warehouse.ConfirmedAsync(buyer, orderId);
        await Warehouse.HandOffAsync(ops, orderId);
        await OwnLinesAsync(seller.Client, orderId);
        var line = Warehouse.LineOf(order, sku);

        using var badNumber = await seller.Client.PostAsJsonAsync($"/api/shipping/seller/orders/{orderId}/shipments",
            new { lines = new[] { new { lineId = line, quantity = 1 } }, ownCarrier = new { carrier = "DHL", trackingNumber = "<script>" } });
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        using var shipped = await seller.Client.PostAsJsonAsync($"/api/shipping/seller/orders/{orderId}/shipments", new
        {
            lines = new[] { new { lineId = line, quantity = 1 } },
            ownCarrier = new { carrier = "DHL", trackingNumber = "JD014600006281230704", trackingUrl = "https://www.dhl.com/fr-fr/home/suivi.html" },
        });
        Assert.True(shipped.StatusCode == HttpStatusCode.Created, await shipped.Content.ReadAsStringAsync());
        var parcel = (await shipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shipment");
        Assert.Equal(("own:DHL", "JD014600006281230704"), (parcel.GetProperty("carrier").GetString(), parcel.GetProperty("trackingNumber").GetString()));
        await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() == 12000, "the charge at order");

        // No carrier tells us it arrived: the buyer does (or, 14 days on, it is presumed), and the order is delivered.
        var shipmentId = parcel.GetProperty("shipmentId").GetString();
        using var someoneElse = await Accounts.NewCustomerAsync(platform.Gateway);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.PostAsync($"/api/shipping/shipments/{shipmentId}/received", null)).StatusCode);
        using var received = await buyer.PostAsync($"/api/shipping/shipments/{shipmentId}/received", null);
        Assert.Equal("delivered", (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => (await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "delivered", Patience, "the order to be delivered");
    }

    [Fact]
    public async Task Ops_suspend_a_seller_its_products_are_withdrawn_and_stay_so_until_it_is_reinstated_MP_01()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var seller = await Sellers.CertifiedAsync(platform.Gateway, ops, "Brocante " + Guid.NewGuid().ToString("N")[..8]);
        var (productId, _) = await Sellers.PublishedProductAsync(seller.Client, "Miroir de sorcière", 7500, shipsWithinDays: 3, units: 1);

        Assert.Equal(HttpStatusCode.Forbidden, (await seller.Client.PostAsJsonAsync($"/api/catalog/sellers/{seller.SellerId}/suspension",
            new { reason = "Moi-même" })).StatusCode);
        using var suspended = await ops.PostAsJsonAsync($"/api/catalog/sellers/{seller.SellerId}/suspension", new { reason = "Contrefaçons signalées." });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.GetAsync($"/api/catalog/products/{productId}")).StatusCode);
        Assert.Equal("Contrefaçons signalées.", (await seller.Client.GetFromJsonAsync<JsonElement>("/api/catalog/seller")).GetProperty("suspensionReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await seller.Client.PutAsJsonAsync($"/api/catalog/seller/products/{productId}", new { published = true })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ops.DeleteAsync($"/api/catalog/sellers/{seller.SellerId}/suspension")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ops.DeleteAsync($"/api/catalog/sellers/{seller.SellerId}/suspension")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await seller.Client.PutAsJsonAsync($"/api/catalog/seller/products/{productId}", new { published = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync($"/api/catalog/products/{productId}")).StatusCode);
    }

    [Fact]
    public async Task Every_seller_conversation_and_report_route_with_an_id_tells_another_seller_or_customer_it_does_not_exist_ALL_05_MP_09_MP_11()
    {
        // The gateway leaves out a service whose document is not ready within its 5 s (a cold start under load) until the next ask.
        var expected = CrossAccountTests.Routes.Count(route => route.Value is CrossAccountTests.Scope.Seller or CrossAccountTests.Scope.Party);
        var paths = await Eventually.GetAsync(async () =>
        {
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>("/openapi/platform.json");
            var found = document.GetProperty("paths").EnumerateObject()
                .Where(path => CrossAccountTests.Routes.GetValueOrDefault(path.Name) is CrossAccountTests.Scope.Seller or CrossAccountTests.Scope.Party).ToList();
            return found.Count == expected ? found : null;
        }, TimeSpan.FromSeconds(60), "every seller and party route in the platform's document");
        Assert.Equal(expected, paths.Count);

        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var owner = await Sellers.CertifiedAsync(platform.Gateway, ops, "Verrerie " + Guid.NewGuid().ToString("N")[..8]);
        using var other = await Sellers.CertifiedAsync(platform.Gateway, ops, "Vannerie " + Guid.NewGuid().ToString("N")[..8]);
        using var stranger = await Accounts.NewCustomerAsync(platform.Gateway);
        var (productId, sku) = await Sellers.PublishedProductAsync(owner.Client, "Carafe soufflée bouche", 5600, shipsWithinDays: 3, units: 3);
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order) = await Sellers.HandedOnOrderAsync(buyer, ops, sku);
        await OwnLinesAsync(owner.Client, orderId);
        var parcel = await ShipAsync(owner.Client, orderId, Warehouse.LineOf(order, sku), 1);
        await Warehouse.DeliverAsync(platform.Sandboxes, parcel, DateTimeOffset.UtcNow.AddHours(-1));
        var returnId = await MarketplaceMoneyTests.ReturnAsync(buyer, orderId, Warehouse.LineOf(order, sku));
        using var colleague = await owner.Client.PostAsJsonAsync("/api/accounts/seller/people", new { email = Accounts.NewEmail() });
        var conversationId = await MarketplaceConversationTests.StartAsync(buyer, new { orderId, text = "Est-elle bien emballée ?" });
        var attachmentId = await MarketplaceConversationTests.AnswerAsync(owner.Client, conversationId, "Voici l'emballage.", MarketplaceConversationTests.Png);
        using var report = await buyer.PostAsJsonAsync("/api/reports", new { kind = "order-problem", orderId, text = "Carafe fêlée" });
        var owned = new Dictionary<string, string>
        {
            ["productId"] = productId,
            ["sku"] = sku,
            ["orderId"] = orderId,
            ["shipmentId"] = parcel.GetProperty("shipmentId").GetString()!,
            ["customerId"] = (await colleague.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString()!,
            ["conversationId"] = conversationId,
            ["attachmentId"] = attachmentId!,
            ["reportId"] = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!,
            ["returnId"] = returnId,
        };

        foreach (var path in paths)
        {
            foreach (var method in path.Value.EnumerateObject().Select(operation => operation.Name.ToUpperInvariant()))
            {
                var url = CrossAccountTests.Fill(path.Name, owned);
                using var request = CrossAccountTests.Request(method, url, path.Value);
                using var response = await other.Client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as another seller: {(int)response.StatusCode}, expected 404");
                if (CrossAccountTests.Routes[path.Name] == CrossAccountTests.Scope.Party)
                {
                    using var again = CrossAccountTests.Request(method, url, path.Value);
                    using var asStranger = await stranger.SendAsync(again);
                    Assert.True(asStranger.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as another customer: {(int)asStranger.StatusCode}, expected 404");
                }
            }
        }
    }

    internal static async Task<IReadOnlyList<JsonElement>> OwnLinesAsync(HttpClient seller, string orderId) =>
        ((JsonElement)await Eventually.GetAsync(async () =>
        {
            var open = await seller.GetFromJsonAsync<JsonElement>("/api/shipping/seller/orders");
            return open.EnumerateArray().Where(candidate => candidate.GetProperty("orderId").GetString() == orderId).Select(found => (object)found)
                .FirstOrDefault();
        }, Patience, $"order {orderId} to reach its seller")).GetProperty("lines").EnumerateArray().ToList();

    internal static async Task<JsonElement> ShipAsync(HttpClient seller, string orderId, string lineId, int quantity)
    {
        using var shipped = await seller.PostAsJsonAsync($"/api/shipping/seller/orders/{orderId}/shipments",
            new { lines = new[] { new { lineId, quantity } } });
        Assert.True(shipped.StatusCode == HttpStatusCode.Created, await shipped.Content.ReadAsStringAsync());
        var shipmentId = (await shipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shipment").GetProperty("shipmentId").GetString();
        return (JsonElement)await Eventually.GetAsync(async () =>
        {
            var view = await seller.GetFromJsonAsync<JsonElement>($"/api/shipping/seller/orders/{orderId}");
            return view.GetProperty("shipments").EnumerateArray().FirstOrDefault(shipment => shipment.GetProperty("shipmentId").GetString() == shipmentId) is
                { ValueKind: JsonValueKind.Object } parcel && parcel.GetProperty("trackingNumber").ValueKind == JsonValueKind.String ? (object)parcel : null;
        }, Patience, "the parcel's label and tracking number");
    }
}
