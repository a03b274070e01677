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
        await page.GetByLabel("Adresse e-mail").FillAsync(Accounts.OpsEmail);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.OpsPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
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

        await page.GetByRole(AriaRole.Link, new() { Name = orderNumber }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Commande {orderNumber}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("réservée");
        await Assertions.Expect(page.GetByText("Aucune action de l'exploitation sur cette commande.")).ToBeVisibleAsync();
        // Nothing is done without a reason; with one, the action and its reason are kept under the operator's name.
        var handOff = page.GetByRole(AriaRole.Button, new() { Name = "Remettre à la logistique maintenant" });
        await handOff.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Motif" })).ToContainTextAsync("Dites pourquoi");
        await page.GetByLabel("Motif (enregistré avec votre nom)").FillAsync("Client pressé : départ en voyage");
        await handOff.ClickAsync();
        await Assertions.Expect(page.GetByText("La commande est remise à la logistique.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".statut")).ToHaveTextAsync("en préparation");
        var traced = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "remise à la logistique" });
        await Assertions.Expect(traced).ToContainTextAsync(Accounts.OpsEmail);
        await Assertions.Expect(traced).ToContainTextAsync("Client pressé : départ en voyage");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "commande.png"), FullPage = true });
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
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BackOffice.ToString());
        await SignInAsync(page, Accounts.OpsEmail, Accounts.OpsPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "L'argent du jour" })).ToContainTextAsync("Débité");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Commandes par statut" })).ToContainTextAsync("confirmée");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Commandes qui attendent trop" })).ToBeVisibleAsync();

        // A shipment of an order nobody knows: Returns gives up on it (the fixture's Messaging__Early__GiveUpAfter) into its _error queue.
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
            return (await page.Locator(".messages").InnerTextAsync()).Contains($"Waiting for order {orderId} to be known here", StringComparison.Ordinal);
        }, Patience, "the given-up message shown with its reason");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "tableau-de-bord.png"), FullPage = true });

        await errorQueue.GetByRole(AriaRole.Button, new() { Name = "Remettre les messages de returns-order-shipped_error dans leur file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, les remettre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("repartent vers returns-order-shipped",
            new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Only_an_operations_account_signs_in_and_a_form_without_its_antiforgery_token_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(BackOffice, "/connexion").ToString());
        await SignInAsync(page, Accounts.OpsEmail, "pas-le-bon-mot-de-passe");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("L'adresse e-mail ou le mot de passe est incorrect.");
        var customer = Accounts.NewEmail();
        (await Accounts.NewCustomerAsync(platform.Gateway, customer)).Dispose();
        await SignInAsync(page, customer, "Mot-de-passe-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ce compte n'est pas un compte d'exploitation.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "connexion-refusee.png"), FullPage = true });

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

    private async Task<(string OrderId, string OrderNumber)> PlacedAsync(string lastName)
    {
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var placed = await Checkout.PlaceAsync(customer, Checkout.Body([(sku, 1)], lastName: lastName));
        placed.EnsureSuccessStatusCode();
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        return (order.GetProperty("orderId").GetString()!, order.GetProperty("orderNumber").GetString()!);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
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
