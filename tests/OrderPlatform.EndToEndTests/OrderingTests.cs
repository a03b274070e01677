using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Checkout through the gateway: idempotent, validated, priced by Catalog, one promo code; cancellation; my orders.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OrderingTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task The_same_checkout_sent_20_times_at_once_with_one_key_makes_one_order_ALL_06()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Checkout.PlaceAsync(customer, Checkout.Body(sku), key)));
        var orderIds = new HashSet<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                orderIds.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!);
            }
        }

        Assert.Single(orderIds);
        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/orders");
        Assert.Equal(orderIds.Single(), Assert.Single(mine.EnumerateArray()).GetProperty("orderId").GetString()); // and it is in my orders [FR-02]
    }

    [Fact]
    public async Task The_same_key_with_another_basket_is_a_422()
    {
        var skus = await Catalogue.InStockSkusAsync(gateway, 2);
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var key = Guid.NewGuid().ToString();

        using var first = await Checkout.PlaceAsync(customer, Checkout.Body(skus[0]), key);
        using var other = await Checkout.PlaceAsync(customer, Checkout.Body(skus[1]), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_phone_or_a_known_sku_or_a_key_the_checkout_is_refused_naming_the_field_FR_01()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);

        using var noPhone = await Checkout.PlaceAsync(customer, Checkout.Body([("FEMME-ROBE-D-ETE-FLEURIE-NOIR-S", 1)], phone: null));
        using var unknownSku = await Checkout.PlaceAsync(customer, Checkout.Body([("FEMME-ROBE-D-ETE-FLEURIE-NOIR-S", 1), ("PAS-UN-ARTICLE", 1)]));
        using var noKey = await customer.PostAsJsonAsync("/api/orders", Checkout.Body("FEMME-ROBE-D-ETE-FLEURIE-NOIR-S"));
        using var notAccepted = await Checkout.PlaceAsync(customer, Checkout.Body([("FEMME-ROBE-D-ETE-FLEURIE-NOIR-S", 1)], method: "klarna"));

        Assert.True(await ErrorsAsync(noPhone) is var a && a.TryGetProperty("deliveryAddress.phone", out _));
        Assert.True(await ErrorsAsync(unknownSku) is var b && b.TryGetProperty("lines[1].sku", out _) && !b.TryGetProperty("lines[0].sku", out _));
        Assert.True(await ErrorsAsync(noKey) is var c && c.TryGetProperty("Idempotency-Key", out _));
        Assert.True(await ErrorsAsync(notAccepted) is var d && d.TryGetProperty("payment.method", out _));
        Assert.Empty((await customer.GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray()); // nothing was left behind
    }

    [Fact]
    public async Task Without_the_recipients_name_or_with_a_line_longer_than_the_carrier_prints_the_checkout_is_refused_naming_the_field_FR_01()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var address = new { line1 = "Résidence des Jardins de la Fontaine, bâtiment B", postalCode = "75002", city = "Paris", country = "FR", phone = "0612345678" };

        using var refused = await Checkout.PlaceAsync(customer, new
        {
            lines = new[] { new { sku = "FEMME-ROBE-D-ETE-FLEURIE-NOIR-S", quantity = 1 } },
            deliveryAddress = address,
            delivery = new { carrier = "mondial-relay", mode = "relay-point", pickupPointId = Checkout.RelayPoint },
            payment = new { method = "card", token = Checkout.VisaToken },
        });

        var errors = await ErrorsAsync(refused);
        Assert.True(errors.TryGetProperty("deliveryAddress.lastName", out _) && errors.TryGetProperty("deliveryAddress.firstName", out _));
        Assert.Contains("32", errors.GetProperty("deliveryAddress.line1")[0].GetString(), StringComparison.Ordinal); // Mondial Relay's label

        // Delivered by La Poste (35 characters) but returned through Mondial Relay (32): the return label must not be refused later [FR-12].
        using var homeRefused = await Checkout.PlaceAsync(customer, new
        {
            lines = new[] { new { sku = "FEMME-ROBE-D-ETE-FLEURIE-NOIR-S", quantity = 1 } },
            deliveryAddress = new { firstName = "Camille", lastName = "Durand", line1 = "33 avenue des Champs-Élysées, 3e A", postalCode = "75008", city = "Paris",
                country = "FR", phone = "0612345678" },
            delivery = new { carrier = "la-poste", mode = "home" },
            payment = new { method = "card", token = Checkout.VisaToken },
        });
        Assert.Contains("32", (await ErrorsAsync(homeRefused)).GetProperty("deliveryAddress.line1")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await customer.GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray());
    }

    [Fact]
    public async Task A_relay_point_the_carrier_does_not_list_near_the_address_is_refused_naming_the_field_FR_10()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Checkout.Body([(sku, 1)])))!;
        body["delivery"]!["pickupPointId"] = "020340"; // well formed, but not a relay near 75002
        var elsewhere = await Checkout.RelayPointNearAsync(gateway, "13001");
        body["deliveryAddress"]!["postalCode"] = "13001";
        body["deliveryAddress"]!["city"] = "Marseille";

        using var unknown = await Checkout.PlaceAsync(customer, body);
        body["delivery"]!["pickupPointId"] = elsewhere;
        var placed = await Checkout.PlacedOrderIdAsync(customer, body);

        Assert.Contains("020340", (await ErrorsAsync(unknown)).GetProperty("delivery.pickupPointId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(elsewhere, (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{placed}")).GetProperty("delivery").GetProperty("pickupPointId")
            .GetString());
    }

    [Fact]
    public async Task One_code_per_order_a_second_is_a_409_and_a_refused_orders_code_can_be_used_again_FR_24_FR_28()
    {
        using var ops = await Accounts.OpsAsync(gateway);
        var code = "E2E" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var created = await ops.PostAsJsonAsync("/api/promotions", new
        {
            code, kind = "percentage", percent = 10, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddDays(7), usesPerCustomer = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        Assert.True((await customer.GetFromJsonAsync<JsonElement>($"/api/promotions/{code}")).GetProperty("usable").GetBoolean());

        using var stacked = await Checkout.PlaceAsync(customer, new
        {
            lines = new[] { new { sku, quantity = 1 } },
            deliveryAddress = new { firstName = "Louise", lastName = "Martin", line1 = "1 rue Neuve", postalCode = "69001", city = "Lyon", country = "FR", phone = "0612345678" },
            delivery = new { carrier = "la-poste", mode = "home" },
            payment = new { method = "card", token = Checkout.VisaToken },
            promoCode = code,
            promoCodes = new[] { "AUTRE-CODE" },
        });
        Assert.Equal(HttpStatusCode.Conflict, stacked.StatusCode);

        var declined = await Checkout.TokeniseAsync(platform.Sandboxes, "4000 0000 0000 9995");
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], promoCode: code, token: declined));
        var order = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.True(order.GetProperty("discountCents").GetInt64() > 0);
        Assert.Equal(code, order.GetProperty("promoCode").GetString());

        // The payment is refused: the order ends and its code was not consumed [FR-24].
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "payment-refused", Patience, "the payment to be refused");
        Assert.True((await customer.GetFromJsonAsync<JsonElement>($"/api/promotions/{code}")).GetProperty("usable").GetBoolean());
    }

    [Fact]
    public async Task Once_paid_and_confirmed_the_order_can_no_longer_be_cancelled_and_the_history_shows_when_FR_06_JI_08()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body(sku));
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "confirmed", Patience, "the order to be confirmed");

        using var cancel = await customer.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        var order = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["placed", "confirmed"], history.Select(change => change.GetProperty("status").GetString()));
        Assert.True(history[1].GetProperty("at").GetDateTimeOffset() >= history[0].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_order_not_yet_shipped_has_no_invoice_yet_FR_30()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body(sku));

        using var invoice = await customer.GetAsync($"/api/orders/{orderId}/invoice");

        Assert.Equal(HttpStatusCode.NotFound, invoice.StatusCode);
        Assert.Equal("No invoice yet", (await invoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_shipped_order_has_its_invoice_as_a_pdf_that_reads_back_even_for_a_name_and_an_address_with_emoji_FR_30()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, new
        {
            lines = new[] { new { sku, quantity = 1 } },
            deliveryAddress = new { firstName = "Camille 🌸", lastName = "Durand", line1 = "12 rue de la Paix ❤", postalCode = "75002", city = "Paris", country = "FR",
                phone = "06 12 34 56 78" },
            delivery = new { carrier = "la-poste", mode = "home" },
            payment = new { method = "card", token = Checkout.VisaToken },
        });
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order));

        var pdf = (byte[])await Eventually.GetAsync(async () =>
        {
            using var invoice = await customer.GetAsync($"/api/orders/{orderId}/invoice");
            return invoice.StatusCode == HttpStatusCode.OK ? (object)await invoice.Content.ReadAsByteArrayAsync() : null;
        }, Patience, "the invoice of the shipped order");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPage(1).GetWords().Select(word => word.Text));
        Assert.Contains("FACTURE", text, StringComparison.Ordinal);
        Assert.Contains(order.GetProperty("orderNumber").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("Camille ?", text, StringComparison.Ordinal); // the flower is not in the font: a question mark, not a missing invoice
    }

    [Fact]
    public async Task Ops_see_orders_by_status_counts_and_the_stuck_list_ALL_07()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body(sku));
        using var ops = await Accounts.OpsAsync(gateway);

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "confirmed", Patience, "the order to be confirmed");
        var confirmed = await ops.GetFromJsonAsync<JsonElement>("/api/ops/orders?status=confirmed");
        var counts = await ops.GetFromJsonAsync<JsonElement>("/api/ops/orders/counts");
        using var stuck = await ops.GetAsync("/api/ops/orders/stuck");
        using var asCustomer = await customer.GetAsync("/api/ops/orders/stuck");

        Assert.Contains(confirmed.EnumerateArray(), order => order.GetProperty("orderId").GetString() == orderId);
        Assert.True(counts.GetProperty("confirmed").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.OK, stuck.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
