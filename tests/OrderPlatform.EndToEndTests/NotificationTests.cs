using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>The e-mails and SMS customers receive, read from the Sandboxes' SMTP capture and SMS provider.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task The_confirmation_lists_products_price_paid_addresses_delivery_method_and_order_number_once_FR_02_JI_02_ALL_04()
    {
        var sku = (await Catalogue.StockedSkusAsync(gateway, 1, units: 2, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var email = await Mailbox.EmailOfAsync(customer);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 2)]));
        var order = await Warehouse.ConfirmedAsync(customer, orderId);
        var number = order.GetProperty("orderNumber").GetString()!;

        var mail = await Mailbox.WaitAsync(platform.Sandboxes, email, $"confirmation de votre commande {number}");

        var text = mail.GetProperty("text").GetString()!;
        var line = order.GetProperty("lines")[0];
        Assert.Contains(line.GetProperty("productName").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("Total payé : " + Euros(order.GetProperty("totalCents").GetInt64()), text, StringComparison.Ordinal);
        Assert.Contains($"Mondial Relay, en Point Relais n° {Checkout.RelayPoint}", text, StringComparison.Ordinal);
        Assert.Contains("Adresse de livraison : Camille Durand, 12 rue de la Paix, 75002 Paris, FR", text, StringComparison.Ordinal);
        Assert.Contains("Adresse de facturation : Camille Durand", text, StringComparison.Ordinal);
        Assert.Contains(number, mail.GetProperty("html").GetString()!, StringComparison.Ordinal);
        await Eventually.HoldsAsync(async () => (await Mailbox.MessagesAsync(platform.Sandboxes, email))
            .Count(m => m.GetProperty("subject").GetString()!.Contains("confirmation", StringComparison.Ordinal)) == 1,
            TimeSpan.FromSeconds(2), "one confirmation e-mail only");
    }

    [Fact]
    public async Task A_refused_payment_sends_no_confirmation_FR_27()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var email = await Mailbox.EmailOfAsync(customer);
        var declined = await Checkout.TokeniseAsync(platform.Sandboxes, "4000 0000 0000 9995");
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], token: declined));

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()
            == "payment-refused", Patience, "the payment to be refused");
        await Mailbox.WaitAsync(platform.Sandboxes, email, "Bienvenue"); // mail flows for this customer…
        await Eventually.HoldsAsync(async () => !(await Mailbox.MessagesAsync(platform.Sandboxes, email)) // …but no confirmation
            .Any(mail => mail.GetProperty("subject").GetString()!.Contains("confirmation", StringComparison.Ordinal)), TimeSpan.FromSeconds(3), "no confirmation e-mail");
    }

    [Fact]
    public async Task The_shipment_e_mail_has_the_tracking_link_and_the_relay_e_mail_the_pickup_deadline_FR_03_FR_10_JI_11()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var email = await Mailbox.EmailOfAsync(customer);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        await Warehouse.HandOffAsync(ops, orderId);
        var shipment = (await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(await Warehouse.ConfirmedOrLaterAsync(customer, orderId))))
            .GetProperty("shipment");

        var shipped = await Mailbox.WaitAsync(platform.Sandboxes, email, "est expédiée");
        Assert.Contains(shipment.GetProperty("trackingUrl").GetString()!, shipped.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains($"href=\"{shipment.GetProperty("trackingUrl").GetString()!.Replace("&", "&amp;", StringComparison.Ordinal)}\"",
            shipped.GetProperty("html").GetString()!, StringComparison.Ordinal);

        var availableAt = DateTimeOffset.UtcNow.AddHours(-1);
        using var carriers = new HttpClient { BaseAddress = platform.Sandboxes };
        (await carriers.PostAsJsonAsync($"/carriers/mondial-relay/parcels/{shipment.GetProperty("trackingNumber").GetString()}/events",
            new { code = "at-relay", at = availableAt })).Dispose();
        var waiting = await Mailbox.WaitAsync(platform.Sandboxes, email, "vous attend jusqu'au");
        var deadline = TimeZoneInfo.ConvertTime(availableAt.AddDays(15), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Contains(deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), waiting.GetProperty("text").GetString()!,
            StringComparison.Ordinal);
        Assert.Contains("Point Relais", waiting.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_is_welcomed_by_e_mail_FR_31()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var email = await Mailbox.EmailOfAsync(customer);

        var welcome = await Mailbox.WaitAsync(platform.Sandboxes, email, "Bienvenue");

        Assert.Contains("Bonjour Camille", welcome.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_store_reservation_is_confirmed_by_e_mail_and_SMS_FR_21()
    {
        var email = Accounts.NewEmail();
        (await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", firstName = "Léa", phone = "06 12 34 56 78" })).Dispose();
        using var customer = new HttpClient { BaseAddress = gateway.BaseAddress };
        customer.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.TokenAsync(gateway, email, "Mot-de-passe-2026"));
        var before = (await Mailbox.SmsAsync(platform.Sandboxes, "+33612345678")).Count;

        // Each store carries about a quarter of the SKUs: the first store that has this one holds it.
        string[] stores = ["lyon-republique", "marseille-terrasses", "bordeaux-sainte-catherine", "lille-euralille", "nantes-atlantis", "toulouse-capitole",
            "nice-massena", "strasbourg-kleber", "montpellier-odysseum", "bruxelles-neuve", "liege-mediacite", "paris-beaugrenelle"];
        var reserved = false;
        foreach (var sku in await Catalogue.InStockSkusAsync(gateway, 3, "Homme"))
        {
            foreach (var store in stores)
            {
                using var response = await customer.PostAsJsonAsync("/api/catalog/reservations", new { sku, storeId = store });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    reserved = true;
                    break;
                }
            }

            if (reserved)
            {
                break;
            }
        }

        Assert.True(reserved, "no store held any of three SKUs");

        var mail = await Mailbox.WaitAsync(platform.Sandboxes, email, "e-réservation");
        Assert.Contains("sans obligation d'achat", mail.GetProperty("text").GetString()!, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await Mailbox.SmsAsync(platform.Sandboxes, "+33612345678")).Count > before, Patience, "the SMS");
    }

    [Fact]
    public async Task A_newsletter_goes_to_subscribers_only_with_a_working_unsubscribe_link_and_not_again_after_it_FR_32()
    {
        var subscriber = Accounts.NewEmail();
        var other = Accounts.NewEmail();
        (await gateway.PostAsJsonAsync("/api/accounts", new { email = subscriber, password = "Mot-de-passe-2026", newsletter = true })).Dispose();
        (await gateway.PostAsJsonAsync("/api/accounts", new { email = other, password = "Mot-de-passe-2026", newsletter = false })).Dispose();
        await Mailbox.WaitAsync(platform.Sandboxes, subscriber, "Bienvenue"); // Notification knows them both now
        await Mailbox.WaitAsync(platform.Sandboxes, other, "Bienvenue");
        using var ops = await Accounts.OpsAsync(gateway);
        var campaign = "soldes-" + Guid.NewGuid().ToString("N")[..8];

        (await ops.PostAsJsonAsync("/api/notifications/newsletters", new { campaign, subject = $"Les soldes commencent {campaign}", text = "Jusqu'à -50 %." })).Dispose();
        var newsletter = await Mailbox.WaitAsync(platform.Sandboxes, subscriber, campaign);
        var link = System.Text.RegularExpressions.Regex.Match(newsletter.GetProperty("text").GetString()!, @"(http\S+/api/newsletter/unsubscribe\?token=\S+)").Value;
        Assert.NotEmpty(link);
        using (var anonymous = new HttpClient())
        {
            Assert.True((await anonymous.GetAsync(link)).IsSuccessStatusCode); // works without signing in
        }

        await Eventually.TrueAsync(async () => await platform.ScalarAsync("notificationdb",
                "select data ->> 'Newsletter' from mt_doc_knowncustomer where data ->> 'Email' = @p0", subscriber) is "false",
            Patience, "the unsubscription to reach Notification");
        var second = "nouveautes-" + Guid.NewGuid().ToString("N")[..8];
        (await ops.PostAsJsonAsync("/api/notifications/newsletters", new { campaign = second, subject = $"Nouveautés {second}", text = "La collection d'été." })).Dispose();
        await Eventually.HoldsAsync(async () =>
                !(await Mailbox.MessagesAsync(platform.Sandboxes, other)).Any(mail => mail.GetProperty("subject").GetString()!.Contains(campaign, StringComparison.Ordinal))
                && !(await Mailbox.MessagesAsync(platform.Sandboxes, subscriber)).Any(mail => mail.GetProperty("subject").GetString()!.Contains(second, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(4), "no newsletter to the one who never subscribed, none after unsubscribing");
    }

    [Fact]
    public async Task With_the_mail_relay_down_three_messages_wait_and_each_arrives_once_when_it_is_back()
    {
        using var sandboxes = new HttpClient { BaseAddress = platform.Sandboxes };
        var emails = Enumerable.Range(0, 3).Select(_ => Accounts.NewEmail()).ToList();
        (await sandboxes.PostAsync("/mail/control/stop", null)).Dispose();
        try
        {
            foreach (var email in emails)
            {
                (await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();
            }

            await Eventually.HoldsAsync(async () => (await Task.WhenAll(emails.Select(email => Mailbox.MessagesAsync(platform.Sandboxes, email)))).All(sent => sent.Count == 0),
                TimeSpan.FromSeconds(4), "nothing delivered while the relay is down (attempts fail meanwhile)");
        }
        finally
        {
            (await sandboxes.PostAsync("/mail/control/start", null)).Dispose();
        }

        foreach (var email in emails)
        {
            await Mailbox.WaitAsync(platform.Sandboxes, email, "Bienvenue");
        }

        await Eventually.HoldsAsync(async () => (await Task.WhenAll(emails.Select(email => Mailbox.MessagesAsync(platform.Sandboxes, email)))).All(sent => sent.Count == 1),
            TimeSpan.FromSeconds(3), "each message delivered once");
    }

    private static string Euros(long cents) =>
        (cents / 100m).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ').Replace('\u00A0', ' ') + " €";
}
