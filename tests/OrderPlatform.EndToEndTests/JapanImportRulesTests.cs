using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>The japan-import shop's promises, each through the gateway on its own preset [JI-01 … JI-15].</summary>
[Collection(JapanImportCollection.Name)]
public sealed class JapanImportRulesTests(JapanImportPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_shop_takes_cards_and_revolut_pay_and_refuses_paypal_naming_the_field_JI_01()
    {
        var methods = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/payments/methods");
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(JapanImportPaymentTests.Body(("BOL-RAKU", 1))))!;
        body["payment"]!["method"] = "paypal";

        using var paypal = await Checkout.PlaceAsync(customer, body);

        Assert.Equal(["card", "revolut-pay"], methods.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
        Assert.Equal(["mastercard", "visa", "maestro"], methods.GetProperty("cardBrands").EnumerateArray().Select(brand => brand.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, paypal.StatusCode);
        Assert.True((await paypal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("payment.method", out _));
    }

    [Fact]
    public async Task A_shop_without_sellers_has_no_conversations_or_reports_its_claims_take_order_problems_MP_09_MP_11()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);

        using var conversation = await customer.PostAsJsonAsync("/api/conversations", new { productId = "BOL-RAKU", text = "Existe-t-il en bleu ?" });
        using var report = await customer.PostAsJsonAsync("/api/reports", new { kind = "technical", text = "La page tourne sans fin." });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (conversation.StatusCode, report.StatusCode));
    }

    [Fact]
    public async Task The_confirmation_email_lists_products_price_addresses_delivery_method_and_order_number_and_the_history_is_visible_JI_02_JI_08_JI_05()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        await Catalogue.RestockAsync(platform.Gateway, "BOL-RAKU", 1);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, JapanImportPaymentTests.Body(("BOL-RAKU", 1)));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);

        var mail = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), order.GetProperty("orderNumber").GetString()!);
        var text = mail.GetProperty("text").GetString()!;
        foreach (var expected in new[] { order.GetProperty("orderNumber").GetString()!, "4 rue de Rivoli", "75004", "Colissimo" })
        {
            Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("57,90", text, StringComparison.Ordinal); // the bowl 45,00 and delivery 12,90, as paid [JI-02]
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["placed", "confirmed"], history.Select(change => change.GetProperty("status").GetString())); // [JI-08]
        Assert.All(history, change => Assert.True(change.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        var window = order.GetProperty("estimatedDelivery");
        var (from, to) = (DateOnly.Parse(window.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(window.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // 15 working days: three weeks of calendar, and a day more for each public holiday among them (up to four in May) [JI-05]
        Assert.InRange(to.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, 15, 27);
        Assert.True(from < to);
    }

    [Theory]
    [InlineData("4000 0000 0000 9995", "insufficient-funds")]
    [InlineData("4000 0000 0000 9987", "limit-exceeded")]
    [InlineData("4000 0000 0000 0002", "wrong-details")]
    [InlineData("4000 0027 6000 3184", "authentication-failed")]
    public async Task Each_refusal_reason_shows_on_the_order_with_its_own_code_and_no_confirmation_email_JI_03(string card, string declineCode)
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(JapanImportPaymentTests.Body(("BOL-RAKU", 1))))!;
        body["payment"]!["token"] = await Checkout.TokeniseAsync(platform.Sandboxes, card);
        await Catalogue.RestockAsync(platform.Gateway, "BOL-RAKU", 1); // a refused payment gives its unit back, a moment later
        var orderId = await Checkout.PlacedOrderIdAsync(customer, body);

        var refused = (JsonElement)await Eventually.GetAsync(async () =>
            await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}") is var order && order.GetProperty("status").GetString() == "payment-refused"
                ? (object)order : null, Patience, "the refusal");

        Assert.Equal(declineCode, refused.GetProperty("declineCode").GetString());
        Assert.DoesNotContain(await Mailbox.MessagesAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer)),
            mail => mail.GetProperty("subject").GetString()!.Contains(refused.GetProperty("orderNumber").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shipment_email_carries_the_tracking_link_and_the_invoice_which_the_account_keeps_too_JI_10_JI_11()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order, shipment) = await ShippedBowlAsync(customer);

        var mail = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "expédiée");
        Assert.Contains(shipment.GetProperty("trackingNumber").GetString()!, mail.GetProperty("html").GetString(), StringComparison.Ordinal); // [JI-11]
        var attachment = Assert.Single(mail.GetProperty("attachments").EnumerateArray()); // [JI-10]
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        using var invoice = await customer.GetAsync($"/api/orders/{orderId}/invoice");
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (invoice.StatusCode, invoice.Content.Headers.ContentType?.MediaType));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await invoice.Content.ReadAsByteArrayAsync());
        Assert.Contains(order.GetProperty("orderNumber").GetString()!, string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text)), StringComparison.Ordinal);
        var onOrder = Assert.Single((await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("shipments").EnumerateArray());
        Assert.StartsWith("https://", onOrder.GetProperty("trackingUrl").GetString(), StringComparison.Ordinal); // "suivre mon colis" on the order page
    }

    [Fact]
    public async Task A_missing_item_is_claimed_with_the_tracking_number_and_a_photo_of_the_parcel_JI_12()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order, shipment) = await ShippedBowlAsync(customer);
        var line = Warehouse.LineOf(order, "BOL-RAKU");

        var withoutTracking = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var refused = await customer.PostAsync("/api/claims", ReturnsTests.Claim(orderId, "missing", line, null));
            return refused.StatusCode == HttpStatusCode.BadRequest ? (object)await refused.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, Patience, "a claim without tracking number or photo to be refused once Returns knows the order");
        Assert.True(withoutTracking.GetProperty("errors").TryGetProperty("trackingNumber", out _));
        Assert.True(withoutTracking.GetProperty("errors").TryGetProperty("photo", out _));
        var claimId = await ReturnsTests.FiledClaimAsync(customer, () =>
        {
            var again = ReturnsTests.Claim(orderId, "missing", line, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
            again.Add(new StringContent(shipment.GetProperty("trackingNumber").GetString()!), "trackingNumber");
            return again;
        });

        Assert.Equal(shipment.GetProperty("trackingNumber").GetString(),
            (await customer.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}")).GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task An_erased_customers_orders_and_invoices_are_kept_for_accounting_without_their_name_JI_15()
    {
        var email = Accounts.NewEmail();
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway, email);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var customerNumber = (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerNumber").GetString();
        var lastName = "Tanaka" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        await Catalogue.RestockAsync(platform.Gateway, "BOL-RAKU", 1);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, new
        {
            lines = new[] { new { sku = "BOL-RAKU", quantity = 1 } },
            deliveryAddress = new { firstName = "Aiko", lastName, line1 = "4 rue de Rivoli", postalCode = "75004", city = "Paris", country = "FR", phone = "0612345678" },
            delivery = new { carrier = "la-poste", mode = "home" },
            payment = new { method = "card", token = Checkout.VisaToken },
        });
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order));
        await Eventually.TrueAsync(async () => (await customer.GetAsync($"/api/orders/{orderId}/invoice")).StatusCode == HttpStatusCode.OK, Patience,
            "the invoice");

        using var erased = await ops.PostAsJsonAsync("/api/accounts/erasures", new { email, customerNumber });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        await Eventually.TrueAsync(async () => await platform.TablesContainingAsync("orderingdb", lastName) is { Count: 0 }, Patience,
            "Ordering to forget the customer's name");
        var kept = await ops.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal(order.GetProperty("totalCents").GetInt64(), kept.GetProperty("totalCents").GetInt64()); // the order stays, for accounting
        Assert.Equal("erased", kept.GetProperty("deliveryAddress").GetProperty("line1").GetString());
        Assert.Equal(1L, await platform.ScalarAsync("orderingdb", "select count(*) from mt_doc_invoice where order_id = @p0", Guid.Parse(orderId)));
    }

    [Fact]
    public async Task A_sale_item_is_not_taken_back_under_the_shops_policy_only_under_the_legal_withdrawal_JI_07()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        await Catalogue.RestockAsync(platform.Gateway, "BAGUETTES-LAQUEES", 1);
        await Catalogue.RestockAsync(platform.Gateway, "BOL-RAKU", 1);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, JapanImportPaymentTests.Body(("BAGUETTES-LAQUEES", 1), ("BOL-RAKU", 1)));
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var shipment = (await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order))).GetProperty("shipment");
        await Warehouse.DeliverAsync(platform.Sandboxes, shipment, DateTimeOffset.UtcNow.AddHours(-1));
        var (chopsticks, bowl) = (Warehouse.LineOf(order, "BAGUETTES-LAQUEES"), Warehouse.LineOf(order, "BOL-RAKU"));
        object Return(string lineId, bool withdrawal) => new
        {
            orderId, lines = new[] { new { lineId, quantity = 1, reason = "changed-mind" } }, refundMethod = "original", withdrawal,
        };

        var refused = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await customer.PostAsJsonAsync("/api/returns", Return(chopsticks, withdrawal: false));
            return response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("sale", StringComparison.Ordinal)
                ? (object)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, Patience, "the sale item's return to be refused once the parcel is known delivered");
        using var bowlBack = await customer.PostAsJsonAsync("/api/returns", Return(bowl, withdrawal: false));
        using var withdrawn = await customer.PostAsJsonAsync("/api/returns", Return(chopsticks, withdrawal: true));

        Assert.Contains("withdrawal", refused.GetProperty("detail").GetString(), StringComparison.Ordinal); // it says what remains possible
        Assert.Equal(HttpStatusCode.Created, bowlBack.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode); // the legal withdrawal (14 days) applies to sale items too
    }

    [Fact]
    public async Task The_customer_changes_name_email_and_password_and_a_forgotten_one_is_reset_by_an_emailed_link_JI_14_JI_16()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var newEmail = Accounts.NewEmail();
        using var changed = await customer.PutAsJsonAsync("/api/accounts/me", new { email = newEmail, firstName = "Aiko", lastName = "Tanaka" });
        using var password = await customer.PutAsJsonAsync("/api/accounts/me/password", new { currentPassword = "Mot-de-passe-2026", newPassword = "Nouveau-mot-2026" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(password.IsSuccessStatusCode, await password.Content.ReadAsStringAsync());
        var profile = await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal((newEmail, "Aiko", "Tanaka"), (profile.GetProperty("email").GetString(), profile.GetProperty("firstName").GetString(),
            profile.GetProperty("lastName").GetString())); // [JI-14]

        (await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset", new { email = newEmail })).Dispose();
        var mail = await Mailbox.WaitAsync(platform.Sandboxes, newEmail, "mot de passe");
        var token = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(mail.GetProperty("text").GetString()!, @"token=([^\s]+)").Groups[1].Value);
        using var reset = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset/confirm", new { token, newPassword = "Troisieme-mot-2026" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode); // [JI-16]
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(platform.Gateway, newEmail, "Troisieme-mot-2026")));
    }

    /// <summary>A raku bowl ordered by the customer and shipped whole: the order's id, the order, the shipment.</summary>
    private async Task<(string OrderId, JsonElement Order, JsonElement Shipment)> ShippedBowlAsync(HttpClient customer)
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        await Catalogue.RestockAsync(platform.Gateway, "BOL-RAKU", 1);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, JapanImportPaymentTests.Body(("BOL-RAKU", 1)));
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        return (orderId, order, (await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order))).GetProperty("shipment"));
    }
}
