using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// What an operator sees, in a real browser: the Aspire Dashboard, through Playwright
/// driving Debian's Chromium (installed by eng/test, no browser download). Screenshots land in
/// artifacts/test-results/dashboard.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardBrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Projects = ["accounts", "backoffice", "catalog", "conversations", "gateway", "notification", "ordering", "payment", "returns", "sandboxes", "shipping"];
    private static readonly string[] OrderServices = ["gateway", "ordering", "catalog", "payment", "notification"];
    private readonly string screenshots = Browser.ScreenshotsFolder("dashboard");
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
    public async Task The_Aspire_Dashboard_asks_for_its_browser_token()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(platform.Dashboard.ToString());

        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        // The page becomes interactive a moment after it shows (Blazor): try until the dashboard answers.
        await Eventually.TrueAsync(async () =>
        {
            await page.FillAsync("input", "not-the-token");
            await page.ClickAsync("text=Log in");
            return await page.Locator("text=Invalid token").IsVisibleAsync()
                   || await page.Locator("text=Invalid token").WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 }).ContinueWith(t => t.IsCompletedSuccessfully);
        }, Patience, "the dashboard to refuse a wrong token");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_see_every_service_running_and_healthy_and_follow_one_orders_trace_and_logs_across_the_services()
    {
        foreach (var project in Projects)
        {
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(project).WaitAsync(Patience);
        }

        var page = await SignedInToDashboardAsync();
        await EveryProjectShownRunningAsync(page);

        Assert.DoesNotContain("Unhealthy", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "resources.png"), FullPage = true });

        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var placed = await Checkout.PlaceAsync(customer, Checkout.Body([(sku, 1)]));
        placed.EnsureSuccessStatusCode();
        var traceId = placed.Headers.GetValues("X-Correlation-Id").Single();
        var orderNumber = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNumber").GetString();

        // The dashboard's telemetry API says which services the trace crossed; the page shows the same trace.
        using var telemetry = new HttpClient { BaseAddress = platform.Dashboard };
        telemetry.DefaultRequestHeaders.Add("x-api-key", platform.DashboardApiKey);
        await Eventually.TrueAsync(async () =>
        {
            using var response = await telemetry.GetAsync($"/api/telemetry/traces/{traceId}");
            return response.IsSuccessStatusCode && OrderServices.All(ServicesIn(await response.Content.ReadFromJsonAsync<JsonElement>()).Contains);
        }, Patience, "the order's trace to reach gateway, ordering, catalog, payment and notification");

        await page.GotoAsync(new Uri(platform.Dashboard, $"/traces/detail/{traceId}").ToString());
        await page.WaitForSelectorAsync("text=POST /api/orders/{**rest}");
        // The spans' rows fill in as the page renders them.
        await Eventually.TrueAsync(async () =>
        {
            var trace = await page.InnerTextAsync("body");
            return OrderServices.All(service => trace.Contains($"\n{service}\n", StringComparison.Ordinal));
        }, Patience, "the trace page to show spans of gateway, ordering, catalog, payment and notification");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "trace.png"), FullPage = true });

        await page.GotoAsync(new Uri(platform.Dashboard, $"/structuredlogs?traceId={traceId}").ToString());
        // The order's own log lines, filtered by its trace: Ordering placed it, Payment authorised it.
        await Eventually.TrueAsync(async () => await page.InnerTextAsync("body") is var logs
                                               && logs.Contains($"Order {orderNumber}", StringComparison.Ordinal)
                                               && logs.Contains("authorised", StringComparison.Ordinal) && logs.Contains(traceId[..7], StringComparison.Ordinal),
            Patience, "the order's structured logs");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "structured-logs.png"), FullPage = true });
    }

    /// <summary>
    /// Each project has a row of the resources grid with its name and "Running". The grid streams its rows in; on a busy
    /// machine a stream can stall, so the page is loaded again between looks, and a failure says what the grid showed.
    /// </summary>
    private async Task EveryProjectShownRunningAsync(IPage page)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        for (var look = 1; ; look++)
        {
            var rows = await page.Locator("[role=row]").AllInnerTextsAsync();
            var missing = Projects.Where(project => !rows.Any(row => ShowsRunning(row, project))).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "resources-missing.png"), FullPage = true });
                throw new TimeoutException($"After {Patience.TotalSeconds:0} s the dashboard at {page.Url} did not show {string.Join(", ", missing)} running. " +
                                           $"Its rows: {string.Join(" | ", rows.Select(row => row.ReplaceLineEndings(" ")))}");
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            if (look % 5 == 0)
            {
                await page.ReloadAsync();
            }
        }
    }

    // The row's first cell is the resource's name: "accounts" must not be satisfied by the "accountsdb" row.
    private static bool ShowsRunning(string row, string project) =>
        row.Split(['\n', '\t'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is var cells
        && cells.Contains(project, StringComparer.Ordinal) && cells.Any(cell => cell.StartsWith("Running", StringComparison.Ordinal));

    private async Task<IPage> SignedInToDashboardAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(platform.Dashboard, $"/login?t={platform.DashboardBrowserToken}").ToString());
        // The token is checked and the browser sent on to the resources page.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private Task<IPage> NewPageAsync() =>
        browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });

    private static HashSet<string> ServicesIn(JsonElement otlp) =>
        otlp.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(spans => spans.GetProperty("resource").GetProperty("attributes").EnumerateArray())
            .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
            .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
}
