using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The back office's pages, in Chromium against the system the AppHost started: an operator signs in (the session is a cookie, the
/// ops token stays on the server), finds an order and moves it on. Screenshots land in artifacts/test-results/backoffice.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BackOfficeBrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string screenshots = Browser.ScreenshotsFolder("backoffice");
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    /// <summary>A 1×1 PNG, as a phone's photo would be sent (Returns checks the image's own bytes).</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private Uri BackOffice => platform.Endpoint("backoffice");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Browser.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task An_operator_signs_in_finds_an_order_by_its_number_or_its_customers_name_and_hands_it_to_logistics_now_ALL_07()
    {
        var lastName = "Brossard" + Guid.NewGuid().ToString("N")[..6];
        var (orderId, orderNumber) = await PlacedAsync(lastName);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        await Warehouse.ConfirmedAsync(ops, orderId);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();

        // Asked for an order's page while signed out: the sign-in page first, then back to what was asked for.
        await page.GotoAsync(new Uri(BackOffice, "/commandes").ToString());
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "connexion.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "connexion");
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        await page.WaitForURLAsync(url => url.EndsWith("/commandes", StringComparison.Ordinal));

        var session = (await context.CookiesAsync()).Single(cookie => cookie.Name == "orderplatform-backoffice");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        // The cookie names a session kept on the server; an ops token (a JWT of ~800 characters) inside it would make it far longer.
        Assert.True(session.Value.Length < 600, $"the session cookie is {session.Value.Length} characters long");

        // By its number.
        await SearchAsync(page, orderNumber);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = orderNumber })).ToBeVisibleAsync();
        // By the customer's name, as the page lists it (name, carrier, French amount).
        await SearchAsync(page, lastName);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = orderNumber });
        await Assertions.Expect(row).ToContainTextAsync(lastName);
        await Assertions.Expect(row).ToContainTextAsync("confirmée");
        await Assertions.Expect(row).ToContainTextAsync("€");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "commandes.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "commandes");

        await page.GetByRole(AriaRole.Link, new() { Name = orderNumber }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Commande {orderNumber}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("réservée");
        await Assertions.Expect(page.GetByText("Aucune action de l'exploitation sur cette commande.")).ToBeVisibleAsync();
        // Nothing is done without a reason; with one, the action and its reason are kept under the operator's name.
        var handOff = page.GetByRole(AriaRole.Button, new() { Name = "Remettre à la logistique maintenant" });
        await Eventually.TrueAsync(async () =>
        {
            // Interactive a moment after it shows: clicked until the page answers that a reason is needed.
            await handOff.ClickAsync();
            return await page.GetByText("Dites pourquoi").WaitForAsync(new() { Timeout = 2000 }).ContinueWith(wait => wait.IsCompletedSuccessfully);
        }, Patience, "the page to ask for a reason");
        await page.GetByLabel("Motif (enregistré avec votre nom)").FillAsync("Client pressé : départ en voyage");
        await handOff.ClickAsync();
        await Assertions.Expect(page.GetByText("La commande est remise à la logistique.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".statut")).ToHaveTextAsync("en préparation");
        var traced = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "remise à la logistique" });
        await Assertions.Expect(traced).ToContainTextAsync(Accounts.OpsEmail);
        await Assertions.Expect(traced).ToContainTextAsync("Client pressé : départ en voyage");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "commande.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "commande");

        // The journal of every service's trail: found by the order's number, among this operator's own actions.
        await page.GetByRole(AriaRole.Link, new() { Name = "Journal" }).ClickAsync();
        await page.GetByLabel("Numéro de commande ou identifiant").FillAsync(orderNumber);
        await page.GetByLabel("Seulement mes actions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        var logged = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "remise à la logistique" });
        await Assertions.Expect(logged).ToHaveCountAsync(1);
        await Assertions.Expect(logged).ToContainTextAsync(Accounts.OpsEmail);
        await Assertions.Expect(logged).ToContainTextAsync("Commandes");
        await Assertions.Expect(logged).ToContainTextAsync("Client pressé : départ en voyage");
        await Assertions.Expect(logged).ToContainTextAsync(orderId.ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "journal.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "journal");
        Assert.Equal("preparing", (await ops.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString());
        var trail = await ops.GetFromJsonAsync<JsonElement>($"/api/ops/orders/audit?subject={orderId}");
        var action = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal("HandOrderToLogisticsNow", action.GetProperty("action").GetString());
        Assert.Equal("ordering", action.GetProperty("service").GetString());
        Assert.Contains(action.GetProperty("events").EnumerateArray(), name => name.GetString() == "OrderHandedToLogistics");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(BackOffice, $"/commandes/{orderId}").ToString());
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_shows_todays_money_orders_waiting_too_long_and_moves_a_given_up_message_back_to_its_queue_ALL_07()
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BackOffice.ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "L'argent du jour" })).ToContainTextAsync("Débité");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Commandes par statut" })).ToContainTextAsync("confirmée");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Commandes qui attendent trop" })).ToBeVisibleAsync();

        // A shipment of an order nobody knows, early for two days already: Returns gives up on it into its _error queue.
        var orderId = Guid.NewGuid();
        await Broker.PoisonAsync(platform, orderId);
        var errorQueue = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "returns-order-shipped_error" });
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Actualiser" }).ClickAsync();
            return await errorQueue.GetByRole(AriaRole.Button, new() { Name = "Voir les messages de returns-order-shipped_error" }).IsVisibleAsync();
        }, Patience, "the given-up message in returns-order-shipped_error");
        // Other tests' given-up messages may come first: looked at again until this one is among the first shown.
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Actualiser" }).ClickAsync();
            await errorQueue.GetByRole(AriaRole.Button, new() { Name = "Voir les messages de returns-order-shipped_error" }).ClickAsync();
            return await page.Locator(".messages").GetByText($"Waiting for order {orderId} to be known here").WaitForAsync(new() { Timeout = 3000 })
                .ContinueWith(wait => wait.IsCompletedSuccessfully);
        }, Patience, "the given-up message shown with its reason");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "tableau-de-bord.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "tableau-de-bord");

        await errorQueue.GetByRole(AriaRole.Button, new() { Name = "Remettre dans leur file… les messages de returns-order-shipped_error" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, les remettre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("repartent vers returns-order-shipped",
            new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_damaged_parcels_claim_is_seen_with_its_photo_and_refunded_from_the_claims_page_and_the_customer_is_told_FR_05_FR_33()
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(platform.Gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddHours(-2));
        var line = order.GetProperty("lines")[0];
        var orderNumber = order.GetProperty("orderNumber").GetString()!;
        // A damaged parcel, no line named: ops choose which item the refund is for.
        var claimId = await ReturnsTests.FiledClaimAsync(customer, () => ReturnsTests.Claim(orderId, "damaged", null, Photo));
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/reclamations").ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        var signedInAt = DateTimeOffset.UtcNow;

        var claim = page.GetByRole(AriaRole.Article).Filter(new() { HasText = orderNumber });
        await Assertions.Expect(claim.GetByRole(AriaRole.Heading)).ToContainTextAsync("colis ou article abîmé");
        await Eventually.TrueAsync(async () => await claim.GetByRole(AriaRole.Img).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"),
            Patience, "the claim's photo shown");
        // Interactive a moment after it shows: the choice is made until the page answers it with the items to choose from.
        await Eventually.TrueAsync(async () =>
        {
            await claim.GetByLabel("Rembourser").CheckAsync();
            return await claim.GetByLabel("Article remboursé").IsVisibleAsync();
        }, Patience, "the refund's choices");
        await claim.GetByLabel("Article remboursé").SelectOptionAsync(new SelectOptionValue { Value = line.GetProperty("lineId").GetString() });
        await claim.GetByRole(AriaRole.Button, new() { Name = "Valider la décision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Écrivez le message au client");
        await claim.GetByLabel("Message au client (enregistré comme motif)").FillAsync("Désolés pour ce colis abîmé : nous vous remboursons.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "reclamations.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "reclamations");

        // More than this platform's 10 € on the code of a sign-in more than 10 s old: a new code is asked for, then the refund goes.
        var amount = line.GetProperty("unitPriceCents").GetInt64() - line.GetProperty("discountCents").GetInt64();
        Assert.True(amount > 1000, $"the item is worth more than the 10 € threshold: {amount}");
        var codeAge = DateTimeOffset.UtcNow - signedInAt;
        if (codeAge < TimeSpan.FromSeconds(11))
        {
            await Task.Delay(TimeSpan.FromSeconds(11) - codeAge); // the time passing is the point: the sign-in's code grows old
        }

        await claim.GetByRole(AriaRole.Button, new() { Name = "Valider la décision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ce remboursement demande un nouveau code");
        await Assertions.Expect(claim).ToHaveCountAsync(1);
        await claim.GetByLabel("Code de votre application d'authentification").FillAsync(await Authenticator.CodeAsync(platform.Gateway.BaseAddress!));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "reclamations-code.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "reclamations-code");
        await claim.GetByRole(AriaRole.Button, new() { Name = "Valider la décision" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Réclamation de la commande {orderNumber} réglée : remboursement de");
        await Assertions.Expect(claim).ToHaveCountAsync(0);
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        await Eventually.TrueAsync(async () => (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0]
            .GetProperty("refundedCents").GetInt64() == amount, Patience, "the claim's refund on the card");
        var told = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est réglée");
        Assert.Contains("Désolés pour ce colis abîmé", told.GetProperty("text").GetString()!, StringComparison.Ordinal);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var traced = Assert.Single((await ops.GetFromJsonAsync<JsonElement>($"/api/ops/returns/audit?subject={claimId}")).GetProperty("items").EnumerateArray());
        Assert.Equal(Accounts.OpsEmail, traced.GetProperty("operatorEmail").GetString());
        Assert.Equal("Désolés pour ce colis abîmé : nous vous remboursons.", traced.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_warehouse_receives_a_return_accepts_one_item_refuses_the_other_with_its_reason_and_the_refund_goes_out_FR_13_FR_15()
    {
        var skus = await Catalogue.InStockSkusAsync(platform.Gateway, 2, "Femme");
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(platform.Gateway, platform.Sandboxes, customer, [(skus[0], 1), (skus[1], 1)],
            DateTimeOffset.UtcNow.AddDays(-2));
        var lines = order.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("lineId").GetString()!).ToList();
        using var requested = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId,
            lines = new[] { new { lineId = lines[0], quantity = 1, reason = "wrong-size" }, new { lineId = lines[1], quantity = 1, reason = "changed-mind" } },
            refundMethod = "original",
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var created = await requested.Content.ReadFromJsonAsync<JsonElement>();
        var (returnId, returnNumber) = (created.GetProperty("returnId").GetString()!, created.GetProperty("returnNumber").GetString()!);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/retours").ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retours", Exact = true })).ToBeVisibleAsync();
        var parcel = page.GetByRole(AriaRole.Article).Filter(new() { HasText = returnNumber });
        // Interactive a moment after it shows: searched until the page answers with this return alone.
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByLabel("Numéro du retour ou de la commande").FillAsync(returnNumber);
            await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
            return await page.GetByRole(AriaRole.Article).CountAsync() == 1 && await parcel.IsVisibleAsync();
        }, Patience, "the return found by its number");
        await Assertions.Expect(parcel).ToContainTextAsync("taille qui ne convient pas");

        var first = parcel.GetByRole(AriaRole.Group).Filter(new() { HasText = "taille qui ne convient pas" }).Last;
        var second = parcel.GetByRole(AriaRole.Group).Filter(new() { HasText = "changement d'avis" }).Last;
        await first.GetByLabel("Accepter").CheckAsync();
        await second.GetByLabel("Refuser").CheckAsync();
        await parcel.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réception" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("dites pourquoi chaque article refusé l'est");
        await second.GetByLabel("Raison du refus (dite au client)").FillAsync("Porté, étiquette retirée");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "retours.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "retours");
        await parcel.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réception" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Retour {returnNumber} reçu : ");
        await Assertions.Expect(parcel).ToHaveCountAsync(0);
        var received = await customer.GetFromJsonAsync<JsonElement>($"/api/returns/{returnId}");
        var inspection = received.GetProperty("inspection").EnumerateArray().ToDictionary(line => line.GetProperty("lineId").GetString()!);
        Assert.True(inspection[lines[0]].GetProperty("accepted").GetBoolean());
        Assert.Equal("Porté, étiquette retirée", inspection[lines[1]].GetProperty("note").GetString());
        var refund = received.GetProperty("refundCents").GetInt64();
        Assert.True(refund > 0, $"the accepted item is refunded: {refund}");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        await Eventually.TrueAsync(async () => (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0]
            .GetProperty("refundedCents").GetInt64() == refund, Patience, "the return's refund on the card");
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var traced = Assert.Single((await ops.GetFromJsonAsync<JsonElement>($"/api/ops/returns/audit?subject={returnId}")).GetProperty("items").EnumerateArray());
        Assert.Equal(("ReceiveReturn", Accounts.OpsEmail), (traced.GetProperty("action").GetString(), traced.GetProperty("operatorEmail").GetString()));
        Assert.Equal("Colis reçu, 1 article refusé", traced.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_customer_who_asked_to_be_forgotten_is_erased_from_the_customers_page_once_confirmed_and_can_no_longer_sign_in_JI_15()
    {
        var email = Accounts.NewEmail();
        using (var customer = await Accounts.NewCustomerAsync(platform.Gateway, email))
        {
            var profile = await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me");
            var (customerId, number) = (profile.GetProperty("customerId").GetString()!, profile.GetProperty("customerNumber").GetString()!);

            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(BackOffice, "/clients").ToString());
            await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Effacer un compte à la demande du client" })).ToBeVisibleAsync();
            // This shop approves no sign-up: nothing about it is shown.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inscriptions à valider" })).ToHaveCountAsync(0);

            // Interactive a moment after it shows: typed and asked until the page asks to confirm; a wrong number matches no account.
            var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Oui, effacer définitivement" });
            await Eventually.TrueAsync(async () =>
            {
                await page.GetByLabel("Adresse e-mail du compte").FillAsync(email);
                await page.GetByLabel("Numéro de client").FillAsync("C00000001");
                await page.GetByLabel("Motif (enregistré avec votre nom)").FillAsync("Demande écrite du client du 7 décembre");
                await page.GetByRole(AriaRole.Button, new() { Name = "Effacer le compte…" }).ClickAsync();
                return await confirm.WaitForAsync(new() { Timeout = 2000 }).ContinueWith(wait => wait.IsCompletedSuccessfully);
            }, Patience, "the page to ask for confirmation");
            await confirm.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aucun compte ne porte cette adresse avec ce numéro de client.");

            await page.GetByLabel("Numéro de client").FillAsync(number);
            await page.GetByRole(AriaRole.Button, new() { Name = "Effacer le compte…" }).ClickAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "clients.png"), FullPage = true });
            await Browser.AccessibleAsync(page, "clients");
            await confirm.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Le compte {email} est effacé : chaque service oublie la personne.");

            using var ops = await Accounts.OpsAsync(platform.Gateway);
            var traced = Assert.Single((await ops.GetFromJsonAsync<JsonElement>($"/api/ops/accounts/audit?subject={customerId}")).GetProperty("items")
                .EnumerateArray());
            Assert.Equal(("EraseAccountOnRequest", "Demande écrite du client du 7 décembre"),
                (traced.GetProperty("action").GetString(), traced.GetProperty("reason").GetString()));
        }

        using var signIn = await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task A_payment_the_bank_would_not_renew_is_renewed_from_the_payments_page_once_the_bank_agrees_and_what_shipped_is_charged_ALL_07()
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)]));
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var orderNumber = order.GetProperty("orderNumber").GetString()!;
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        // A week on, the authorisation has lapsed and the bank refuses to renew it at the capture: the payment is escalated.
        (await psp.PutAsJsonAsync("/psp/control/clock", new { offsetHours = 8 * 24 })).EnsureSuccessStatusCode();
        try
        {
            (await psp.PostAsJsonAsync("/psp/control/faults", new { kind = "refuse", count = 1 })).EnsureSuccessStatusCode();
            await Warehouse.ShipAsync(ops, orderId, Warehouse.AllLines(order));
            await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("status").GetString() == "escalated", "the escalation");
        }
        finally
        {
            (await psp.PutAsJsonAsync("/psp/control/clock", new { offsetHours = 0 })).EnsureSuccessStatusCode();
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/paiements").ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = orderNumber });
        await Assertions.Expect(row).ToContainTextAsync(French(order.GetProperty("totalCents").GetInt64()));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "paiements.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "paiements");
        // The customer's bank agreed on the phone: ops ask again, with the reason.
        var renew = row.GetByRole(AriaRole.Button, new() { Name = $"Redemander l'autorisation de {orderNumber}" });
        await Eventually.TrueAsync(async () =>
        {
            // Nothing without a reason: the page says so once it is interactive.
            await renew.ClickAsync();
            return (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Contains("Dites pourquoi", StringComparison.Ordinal);
        }, Patience, "the page to be interactive");
        await page.GetByLabel("Motif des actions ci-dessous (enregistré avec votre nom)").FillAsync("Accord de la banque du client par téléphone");
        await renew.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"L'autorisation de {orderNumber} est renouvelée : ce qui est expédié est débité.",
            new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToHaveCountAsync(0);

        var settled = await Warehouse.PaymentAsync(ops, orderId, payment => payment.GetProperty("capturedCents").GetInt64() > 0, "the charge once renewed");
        Assert.Equal(order.GetProperty("totalCents").GetInt64(), settled.GetProperty("capturedCents").GetInt64());
        var traced = Assert.Single((await ops.GetFromJsonAsync<JsonElement>($"/api/ops/payments/audit?subject={orderId}")).GetProperty("items").EnumerateArray());
        Assert.Equal(("RenewEscalatedPayment", "Accord de la banque du client par téléphone"),
            (traced.GetProperty("action").GetString(), traced.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_warehouse_ships_one_line_declares_the_other_missing_and_prints_the_label_from_its_page_FR_07()
    {
        var skus = await Catalogue.InStockSkusAsync(platform.Gateway, 2, "Homme");
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(skus[0], 1), (skus[1], 1)]));
        await Warehouse.HandOffAsync(ops, orderId);
        var order = await Warehouse.ConfirmedOrLaterAsync(customer, orderId);
        var orderNumber = order.GetProperty("orderNumber").GetString()!;
        var missing = order.GetProperty("lines")[1];

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, StorageState = opsSession });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/entrepot").ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Préparer le colis {orderNumber}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Colis de la commande {orderNumber}" })).ToBeVisibleAsync();
        var name = missing.GetProperty("productName").GetString();
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"{name} manque (le reste de la ligne)" }).CheckAsync(new() { Timeout = 5000 });
            return await page.GetByRole(AriaRole.Spinbutton, new() { Name = $"Quantité de {name} dans ce colis" }).IsDisabledAsync();
        }, Patience, "the page to be interactive");
        await page.GetByLabel("Motif (enregistré avec votre nom)").FillAsync("Rupture constatée en rayon");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "entrepot.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "entrepot");
        // Shipping hears of the hand-off by an event: the same parcel (the form's key) is asked for until Shipping has the order.
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Expédier le colis" }).ClickAsync();
            return await page.Locator("#colis").WaitForAsync(new() { Timeout = 2000 }).ContinueWith(wait => wait.IsCompletedSuccessfully);
        }, Patience, "the parcel shipped");
        var label = page.GetByRole(AriaRole.Link, new() { Name = "Imprimer l'étiquette" });
        await Assertions.Expect(label).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var printed = await context.APIRequest.GetAsync(new Uri(BackOffice, await label.GetAttributeAsync("href")).ToString());
        Assert.Equal(200, printed.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await printed.BodyAsync())[..4], StringComparison.Ordinal);

        await Eventually.TrueAsync(async () =>
        {
            var now = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return now.GetProperty("lines")[1].GetProperty("status").GetString() == "unavailable"
                   && now.GetProperty("lines")[0].GetProperty("shippedQuantity").GetInt32() == 1;
        }, Patience, "one line shipped, the other unavailable");
    }

    [Fact]
    public async Task Only_an_operations_account_signs_in_and_a_form_without_its_antiforgery_token_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/connexion").ToString());
        await SignInAsync(page, Accounts.OpsEmail, "pas-le-bon-mot-de-passe");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("L'adresse e-mail ou le mot de passe est incorrect.");
        // The right password without the authenticator's code, then with a wrong one: no session either way.
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.OpsPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Saisissez le code à six chiffres que montre votre application d'authentification.");
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.OpsPassword);
        await page.GetByLabel("Code de l'application d'authentification").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ce code est faux, expiré ou déjà utilisé");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "orderplatform-backoffice");
        var customer = Accounts.NewEmail();
        (await Accounts.NewCustomerAsync(platform.Gateway, customer)).Dispose();
        await SignInAsync(page, customer, "Mot-de-passe-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ce compte n'est pas un compte d'exploitation.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "connexion-refusee.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "connexion-refusee");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BackOffice };
        using var forged = await http.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["Credentials.Email"] = Accounts.OpsEmail, ["Credentials.Password"] = Accounts.OpsPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers, header => header.Key == "Set-Cookie");
        using var signOut = await http.PostAsync("/deconnexion", null);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);

        using var signedOut = await http.GetAsync("/commandes");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/connexion", signedOut.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        using var signInPage = await http.GetAsync("/connexion");
        var policy = string.Join(";", signInPage.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.True(signInPage.Headers.CacheControl?.NoStore, signInPage.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", signInPage.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>An amount as the pages write it: 48,89 € with no-break spaces.</summary>
    private static string French(long cents) =>
        (cents / 100m).ToString("C", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).Replace(' ', '\u00a0');

    private async Task<(string OrderId, string OrderNumber)> PlacedAsync(string lastName)
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var placed = await Checkout.PlaceAsync(customer, Checkout.Body([(sku, 1)], lastName: lastName));
        placed.EnsureSuccessStatusCode();
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        return (order.GetProperty("orderId").GetString()!, order.GetProperty("orderNumber").GetString()!);
    }

    /// <summary>axe-core's checks (WCAG 2.1 A and AA) find nothing to fix on the page as it is now.</summary>
    /// <summary>
    /// The operator's session once a test has signed in (the browser's cookie): later tests open their pages in it, as an operator
    /// goes from page to page, rather than each asking the authenticator for a code (one new code every 30 s, each taken once).
    /// </summary>
    private static string? opsSession;

    /// <summary>
    /// Signs in as a person would (the operator types the code their authenticator app shows), unless the page opened already in the
    /// operator's session; the session is then kept for the next tests.
    /// </summary>
    private async Task SignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/connexion", StringComparison.Ordinal))
        {
            return;
        }

        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        if (email == Accounts.OpsEmail && password == Accounts.OpsPassword)
        {
            await page.GetByLabel("Code de l'application d'authentification").FillAsync(await Authenticator.CodeAsync(platform.Gateway.BaseAddress!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));
            opsSession = await page.Context.StorageStateAsync();
            return;
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        // The page is interactive a moment after it shows (Blazor's circuit): the search is typed until the grid answers it, and the
        // only order found is the one searched for.
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByLabel("Numéro de commande ou nom du client").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
            return await page.Locator(".compte").InnerTextAsync() == "1 commande"
                   && await page.GetByRole(AriaRole.Row).Filter(new() { HasText = text }).CountAsync() == 1;
        }, Patience, $"the one order found for {text}");
    }
}
