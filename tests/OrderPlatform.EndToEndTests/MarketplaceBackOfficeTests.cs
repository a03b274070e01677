using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The back office on the marketplace platform, in Chromium: what this shop has that the others do not (sign-ups to approve), and an
/// operator setting an authenticator up (this platform's operator has no development key: they set theirs up at first sign-in).
/// </summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceBackOfficeTests(MarketplacePlatform platform) : IAsyncLifetime
{
    private readonly string screenshots = Browser.ScreenshotsFolder("backoffice");
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

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
    public async Task A_doubtful_sign_up_is_approved_from_the_customers_page_and_its_welcome_goes_out_MP_03()
    {
        var doubtful = $"client-{Guid.NewGuid():N}@yopmail.com";
        using (var signUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email = doubtful, password = "Mot-de-passe-2026", firstName = "Inès" }))
        {
            Assert.True((await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awaitingApproval").GetBoolean());
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Endpoint("backoffice"), "/connexion?ReturnUrl=%2Fclients").ToString());
        await page.GetByLabel("Adresse e-mail").FillAsync(Accounts.OpsEmail);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.OpsPassword);
        await page.GetByLabel("Code de l'application d'authentification").FillAsync(await Authenticator.CodeAsync(platform.Gateway.BaseAddress!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = doubtful });
        await Assertions.Expect(row).ToContainTextAsync("adresse e-mail jetable (yopmail.com)");
        await Assertions.Expect(row).ToContainTextAsync("Inès");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "clients-inscriptions.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "clients-inscriptions");
        // Interactive a moment after it shows: clicked until the page answers.
        await Eventually.TrueAsync(async () =>
        {
            if (await row.CountAsync() == 1)
            {
                await row.GetByRole(AriaRole.Button, new() { Name = $"Approuver l'inscription de {doubtful}" }).ClickAsync();
            }

            return await page.GetByRole(AriaRole.Status).InnerTextAsync() == $"Inscription de {doubtful} approuvée : l'e-mail de bienvenue part.";
        }, TimeSpan.FromSeconds(90), "the sign-up approved");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await Mailbox.WaitAsync(platform.Sandboxes, doubtful, "Bienvenue");
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(platform.Gateway, doubtful, "Mot-de-passe-2026")));
    }

    [Fact]
    public async Task An_operator_whose_authenticator_was_cleared_sets_a_new_one_up_from_a_QR_code_at_sign_in_and_the_trail_says_who_cleared_it()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var operatorId = Accounts.SubjectOf(ops.DefaultRequestHeaders.Authorization!.Parameter!);
        using (var unexplained = await ops.DeleteAsync($"/api/ops/accounts/operators/{operatorId}/second-factor"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        }

        using (var cleared = new HttpRequestMessage(HttpMethod.Delete, $"/api/ops/accounts/operators/{operatorId}/second-factor"))
        {
            cleared.Headers.Add("X-Operator-Reason", Uri.EscapeDataString("Téléphone perdu"));
            using var response = await ops.SendAsync(cleared);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var traced = Assert.Single((await ops.GetFromJsonAsync<JsonElement>($"/api/ops/accounts/audit?subject={operatorId}")).GetProperty("items")
            .EnumerateArray(), action => action.GetProperty("action").GetString() == "ResetOperatorSecondFactor");
        Assert.Equal(Accounts.OpsEmail, traced.GetProperty("operatorEmail").GetString());
        Assert.Equal("Téléphone perdu", traced.GetProperty("reason").GetString());

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Endpoint("backoffice"), "/connexion?ReturnUrl=%2Fcommandes").ToString());
        await page.GetByLabel("Adresse e-mail").FillAsync(Accounts.OpsEmail);
        await page.GetByLabel("Mot de passe").FillAsync(Accounts.OpsPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // The password alone opens only the set-up: a QR code and its key, then the app's first code.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0); // else its words say why
        await page.WaitForURLAsync(url => url.Contains("/authentificateur", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configurer votre application d'authentification" })).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Code QR du compte d'exploitation" })
            .EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "authentificateur.png"), FullPage = true });
        await Browser.AccessibleAsync(page, "authentificateur");
        // Nothing else opens meanwhile; back to the set-up, a new key (the one not scanned yet is replaced).
        var backOffice = platform.Endpoint("backoffice");
        await page.GotoAsync(new Uri(backOffice, "/commandes").ToString());
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(backOffice, "/authentificateur?returnUrl=%2Fcommandes").ToString());

        var key = (await page.GetByLabel("Clé de l'application d'authentification").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Authenticator.SetUp(platform.Gateway.BaseAddress!, key);
        await page.GetByLabel("Code affiché par l'application").FillAsync(await Authenticator.CodeAsync(platform.Gateway.BaseAddress!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider le code" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/commandes", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commandes", Exact = true })).ToBeVisibleAsync();
        // The new key is the one that signs in from now on.
        Assert.Contains("ops", Accounts.RolesOf(await Accounts.TokenAsync(platform.Gateway, Accounts.OpsEmail, Accounts.OpsPassword)));
    }
}
