using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Payment through the gateway, with the sandbox PSP: methods, declines and their codes, accepted brands.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PaymentTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task The_shop_says_which_methods_it_accepts_FR_25()
    {
        var methods = await gateway.GetFromJsonAsync<JsonElement>("/api/payments/methods");

        Assert.Equal(["card", "paypal", "store-credit"], methods.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
        Assert.Equal(["cb", "visa", "mastercard"], methods.GetProperty("cardBrands").EnumerateArray().Select(brand => brand.GetString()));
        Assert.Equal("on-shipment", methods.GetProperty("capture").GetString());
    }

    [Fact]
    public async Task A_payment_the_psp_holds_without_an_order_is_listed_for_support_and_can_be_given_back_JI_04()
    {
        // The storefront's payment went through at the PSP, but no order reached us.
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var reference = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/psp/payments")
        {
            Content = JsonContent.Create(new { token = await Checkout.TokeniseAsync(platform.Sandboxes, "4242 4242 4242 4242"), amountCents = 4990, currency = "EUR", reference }),
        };
        request.Headers.Add("Idempotency-Key", reference);
        using var paid = await psp.SendAsync(request);
        var pspPaymentId = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        using var ops = await Accounts.OpsAsync(gateway);

        var orphans = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var listed = await ops.GetFromJsonAsync<JsonElement>("/api/ops/payments/orphans");
            return listed.EnumerateArray().Any(orphan => orphan.GetProperty("pspPaymentId").GetString() == pspPaymentId) ? (object)listed : null;
        }, Patience, "the orphan to be listed after the grace period");
        Assert.DoesNotContain(orphans.EnumerateArray(), orphan => orphan.GetProperty("reference").GetString() == orderId);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await customer.GetAsync("/api/ops/payments/orphans")).StatusCode);

        using var refunded = await ops.PostAsync($"/api/ops/payments/orphans/{pspPaymentId}/refund", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, refunded.StatusCode);
        Assert.Equal("voided", (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments/{pspPaymentId}")).GetProperty("status").GetString());
        Assert.DoesNotContain((await ops.GetFromJsonAsync<JsonElement>("/api/ops/payments/orphans")).EnumerateArray(),
            orphan => orphan.GetProperty("pspPaymentId").GetString() == pspPaymentId);
    }

    [Fact]
    public async Task Store_credit_pays_an_order_smaller_than_it_and_the_rest_stays_on_the_account_FR_25()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var customerId = (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString();
        using var ops = await Accounts.OpsAsync(gateway);
        var reference = Guid.NewGuid().ToString();
        using var nobody = await ops.PostAsJsonAsync($"/api/ops/payments/store-credit/{Guid.NewGuid()}", new { amountCents = 1000, reason = "geste", reference });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, nobody.StatusCode); // no credit for a customer who does not exist
        for (var i = 0; i < 2; i++) // a retried credit with the same reference credits once
        {
            await CreditAsync(ops, customerId!, new { amountCents = 50_000, reason = "geste commercial", reference });
        }

        Assert.Equal(50_000, (await customer.GetFromJsonAsync<JsonElement>("/api/payments/store-credit")).GetProperty("balanceCents").GetInt64());
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], method: "store-credit"));
        var order = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "confirmed" ? (object)current : null;
        }, Patience, "the order paid by store credit to be confirmed");

        var credit = await customer.GetFromJsonAsync<JsonElement>("/api/payments/store-credit");
        Assert.Equal(50_000 - order.GetProperty("totalCents").GetInt64(), credit.GetProperty("balanceCents").GetInt64());
        Assert.Equal("hold", credit.GetProperty("movements")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_customer_cannot_pay_with_another_customers_store_credit_or_a_gift_card_as_a_token_FR_25()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var victim = await Accounts.NewCustomerAsync(gateway);
        var victimId = (await victim.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString()!;
        using var ops = await Accounts.OpsAsync(gateway);
        await CreditAsync(ops, victimId, new { amountCents = 50_000, reason = "geste", reference = "r1" });
        using var thief = await Accounts.NewCustomerAsync(gateway);

        foreach (var token in new[] { "credit:" + Guid.Parse(victimId).ToString("N"), "gift:CADEAU-1", "prepaid_" + Guid.NewGuid().ToString("N") })
        {
            using var refused = await Checkout.PlaceAsync(thief, Checkout.Body([(sku, 1)], token: token));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("payment.token", out _), token);
        }

        Assert.Empty((await thief.GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray());
        Assert.Equal(50_000, (await victim.GetFromJsonAsync<JsonElement>("/api/payments/store-credit")).GetProperty("balanceCents").GetInt64());
    }

    [Fact]
    public async Task Store_credit_with_a_card_pays_what_it_holds_and_the_card_the_rest_FR_25()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var customerId = (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString();
        using var ops = await Accounts.OpsAsync(gateway);
        await CreditAsync(ops, customerId!, new { amountCents = 1000, reason = "geste", reference = "r1" });

        var orderId = await Checkout.PlacedOrderIdAsync(customer, new
        {
            lines = new[] { new { sku, quantity = 1 } },
            deliveryAddress = new { firstName = "Louise", lastName = "Martin", line1 = "1 rue Neuve", postalCode = "69001", city = "Lyon", country = "FR", phone = "0612345678" },
            delivery = new { carrier = "la-poste", mode = "home" },
            payment = new { method = "card", token = Checkout.VisaToken, useStoreCredit = true },
        });
        var payment = (JsonElement)await Eventually.GetAsync(async () =>
        {
            using var response = await ops.GetAsync($"/api/payments/orders/{orderId}");
            var current = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode && current.GetProperty("status").GetString() == "authorized" ? (object)current : null;
        }, Patience, "the split authorisation");

        Assert.Equal(1000, payment.GetProperty("storeCreditCents").GetInt64());
        Assert.Equal(0, (await customer.GetFromJsonAsync<JsonElement>("/api/payments/store-credit")).GetProperty("balanceCents").GetInt64());
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var ledger = await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}");
        Assert.Equal(payment.GetProperty("amountCents").GetInt64() - 1000, ledger[0].GetProperty("authorizedCents").GetInt64());
    }

    [Fact]
    public async Task Store_credit_smaller_than_the_order_refuses_the_payment_and_takes_nothing()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], method: "store-credit"));

        var order = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "payment-refused" ? (object)current : null;
        }, Patience, "the payment to be refused");
        Assert.Equal("store-credit-insufficient", order.GetProperty("declineCode").GetString());
        Assert.Equal(0, (await customer.GetFromJsonAsync<JsonElement>("/api/payments/store-credit")).GetProperty("balanceCents").GetInt64());
    }

    [Fact]
    public async Task A_gift_card_issued_by_ops_shows_its_balance_and_expiry_MP_07()
    {
        using var ops = await Accounts.OpsAsync(gateway);
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var issued = await ops.PostAsJsonAsync("/api/ops/payments/gift-cards", new { amountCents = 2500, expiresAt = DateTimeOffset.UtcNow.AddYears(1) });
        var code = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var card = await customer.GetFromJsonAsync<JsonElement>($"/api/payments/gift-cards/{code.ToLowerInvariant()}");

        Assert.Equal(2500, card.GetProperty("balanceCents").GetInt64());
        Assert.True(card.GetProperty("usable").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await customer.GetAsync("/api/payments/gift-cards/PAS-UNE-CARTE")).StatusCode);
    }

    [Theory]
    [InlineData("4000 0000 0000 9995", "insufficient-funds")]
    [InlineData("4000 0000 0000 9987", "limit-exceeded")]
    [InlineData("4000 0000 0000 0002", "wrong-details")]
    [InlineData("4000 0027 6000 3184", "authentication-failed")]
    [InlineData("3782 822463 10005", "card-brand-not-accepted")]
    [InlineData("4000 0027 6000 0016", "card-issued-abroad")]
    public async Task A_refused_payment_ends_the_order_with_a_decline_code_per_reason_and_charges_nothing_FR_27_JI_03_FR_25(string card, string declineCode)
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], token: await Checkout.TokeniseAsync(platform.Sandboxes, card)));

        var order = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "payment-refused" ? (object)current : null;
        }, Patience, "the payment to be refused");

        Assert.Equal(declineCode, order.GetProperty("declineCode").GetString());
        Assert.Equal(0, order.GetProperty("capturedCents").GetInt64());
        Assert.DoesNotContain(order.GetProperty("statusHistory").EnumerateArray(), change => change.GetProperty("status").GetString() == "confirmed");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var ledger = await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}");
        Assert.All(ledger.EnumerateArray(), payment => Assert.Equal(0, payment.GetProperty("capturedCents").GetInt64()));
    }

    [Fact]
    public async Task A_card_token_pays_once_and_a_saved_card_only_for_the_customer_who_saved_it_FR_29()
    {
        var sku = (await Catalogue.StockedSkusAsync(gateway, 1, units: 5, "Homme"))[0]; // five orders hold it at once
        using var anne = await Accounts.NewCustomerAsync(gateway);
        using var bruno = await Accounts.NewCustomerAsync(gateway);
        var annesId = (await anne.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("customerId").GetString()!;
        var oneTime = await Checkout.TokeniseAsync(platform.Sandboxes, "4242 4242 4242 4242");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        using var saving = await psp.PostAsJsonAsync("/psp/tokens", new { cardNumber = "4242 4242 4242 4242", expMonth = 12, expYear = 2030, cvc = "123", customer = annesId });
        var saved = (await saving.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var annesOrder = await Checkout.PlacedOrderIdAsync(anne, Checkout.Body([(sku, 1)], token: oneTime));
        await Warehouse.ConfirmedOrLaterAsync(anne, annesOrder);
        var brunosWithHerToken = await Checkout.PlacedOrderIdAsync(bruno, Checkout.Body([(sku, 1)], token: oneTime));
        var brunosWithHerCard = await Checkout.PlacedOrderIdAsync(bruno, Checkout.Body([(sku, 1)], token: saved));
        var annesWithHerCard = await Checkout.PlacedOrderIdAsync(anne, Checkout.Body([(sku, 1)], token: saved));
        var annesAgain = await Checkout.PlacedOrderIdAsync(anne, Checkout.Body([(sku, 1)], token: saved));

        foreach (var refused in new[] { brunosWithHerToken, brunosWithHerCard })
        {
            var order = (JsonElement)await Eventually.GetAsync(async () =>
            {
                var current = await bruno.GetFromJsonAsync<JsonElement>($"/api/orders/{refused}");
                return current.GetProperty("status").GetString() == "payment-refused" ? (object)current : null;
            }, Patience, "Bruno's payment with Anne's token to be refused");
            Assert.Equal("invalid-payment-token", order.GetProperty("declineCode").GetString());
            Assert.Empty((await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={refused}")).EnumerateArray());
        }

        await Warehouse.ConfirmedOrLaterAsync(anne, annesWithHerCard);
        await Warehouse.ConfirmedOrLaterAsync(anne, annesAgain); // a saved card pays again for its customer
    }

    [Fact]
    public async Task A_payment_the_bank_will_not_renew_holds_the_order_until_the_customer_pays_again_with_another_card_through_the_emailed_link_ALL_07()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        var email = Accounts.NewEmail();
        using var customer = await Accounts.NewCustomerAsync(gateway, email);
        using var someoneElse = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };

        // A week on, at the PSP, the authorisation has lapsed and the bank will not renew it (twice: at the capture, and when ops ask again).
        (await psp.PutAsJsonAsync("/psp/control/clock", new { offsetHours = 8 * 24 })).EnsureSuccessStatusCode();
        try
        {
            (await psp.PostAsJsonAsync("/psp/control/faults", new { kind = "refuse", count = 2 })).EnsureSuccessStatusCode();
            await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order));
            await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("status").GetString() == "escalated", "the escalation");
        }
        finally
        {
            (await psp.PutAsJsonAsync("/psp/control/clock", new { offsetHours = 0 })).EnsureSuccessStatusCode();
        }

        using var renewal = await ops.PostAsync($"/api/ops/payments/orders/{orderId}/renewal", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, renewal.StatusCode); // the bank said no again
        var mail = await Mailbox.WaitAsync(platform.Sandboxes, email, "est à renouveler");
        Assert.Contains($"/compte/commandes/{orderId}/paiement", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        var newCard = await Checkout.TokeniseAsync(platform.Sandboxes, "4000 0025 0000 1001");
        using var notTheirs = await someoneElse.PostAsJsonAsync($"/api/payments/orders/{orderId}/authorisation", new { token = newCard });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notTheirs.StatusCode);

        using var paid = await customer.PostAsJsonAsync($"/api/payments/orders/{orderId}/authorisation", new { token = newCard });

        Assert.True(paid.StatusCode == System.Net.HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());
        var settled = await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() > 0, "the charge on the new card");
        Assert.Equal(order.GetProperty("totalCents").GetInt64(), settled.GetProperty("capturedCents").GetInt64()); // what shipped, once
        Assert.Equal(("closed", "cb"), (settled.GetProperty("status").GetString(), settled.GetProperty("brand").GetString()));
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("paymentIssue").ValueKind
            == JsonValueKind.Null, Patience, "the order's payment issue to be lifted");
        using var twice = await customer.PostAsJsonAsync($"/api/payments/orders/{orderId}/authorisation", new { token = newCard });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, twice.StatusCode); // nothing left to settle
    }

    /// <summary>Credits store credit once Payment knows the customer (their sign-up reaches it as an event).</summary>
    private static async Task CreditAsync(HttpClient ops, string customerId, object credit) =>
        await Eventually.TrueAsync(async () =>
        {
            using var credited = await ops.PostAsJsonAsync($"/api/ops/payments/store-credit/{customerId}", credit);
            Assert.True(credited.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.NotFound, $"credit: {(int)credited.StatusCode}");
            return credited.StatusCode == System.Net.HttpStatusCode.OK;
        }, Patience, "Payment to know the customer and credit them");
}
