using System.Text.Json;
using Microsoft.Playwright;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The dashboard in a real browser: Playwright driving Debian's Chromium (installed by eng/test, no browser download).
/// Screenshots land in artifacts/test-results/dashboard.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardBrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(Hosting.RepositoryLayout.FindRoot(), "artifacts", "test-results", "dashboard");
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ORDERPLATFORM_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task Operations_see_every_resource_running_read_a_services_logs_follow_an_orders_trace_and_restart_a_service()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await page.GotoAsync(platform.System.DashboardAddress.ToString());

        // Every resource the AppHost runs, running.
        foreach (var resource in platform.System.Resources)
        {
            await Assertions.Expect(page.Locator("#resources tr", new PageLocatorOptions { HasText = resource.Name }).First.Locator("td").Nth(2))
                .ToHaveTextAsync("Running", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "1-resources.png"), FullPage = true });

        // A service's console output.
        await page.Locator("#resources tr", new PageLocatorOptions { HasText = "ordering" }).First.GetByRole(AriaRole.Button, new() { Name = "logs" }).ClickAsync();
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync("Now listening on", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });

        // An order placed through the gateway, followed as one trace across the services.
        var sku = (await Catalogue.InStockSkusAsync(platform.Gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var placed = await Checkout.PlaceAsync(customer, Checkout.Body([(sku, 1)]));
        var traceId = placed.Headers.GetValues("X-Correlation-Id").Single();
        await page.FillAsync("#trace-text", traceId);
        await Eventually.TrueAsync(async () =>
        {
            await page.ClickAsync("#trace-filter button");
            await page.WaitForTimeoutAsync(500);
            return await page.Locator($"#traces a[data-trace='{traceId}']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(45), "the order's trace in the list");
        await page.Locator($"#traces a[data-trace='{traceId}']").ClickAsync();
        foreach (var service in (string[])["gateway", "ordering", "catalog", "payment", "notification"])
        {
            await Assertions.Expect(page.Locator("#waterfall .span", new PageLocatorOptions { HasText = service + ":" }).First)
                .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "2-trace.png"), FullPage = true });

        // A message a consumer gave up on, in its error queue, and what went wrong.
        await Broker.PoisonAsync(platform, Guid.NewGuid());
        var errorQueue = page.Locator("#queues tr.Exited", new PageLocatorOptions { HasText = "returns-order-shipped_error" });
        await Assertions.Expect(errorQueue).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 45_000 });
        await errorQueue.GetByRole(AriaRole.Button, new() { Name = "peek" }).ClickAsync();
        await Assertions.Expect(page.Locator("#peek")).ToContainTextAsync("not known to Returns", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "3-error-queue.png"), FullPage = true });

        // Restart a service from the page and see it come back.
        var before = platform.System.Get<Hosting.Model.ProjectResource>("returns").RestartCount;
        await page.Locator("#resources button[data-resource='returns'][data-action='restart']").ClickAsync();
        await Eventually.TrueAsync(() => Task.FromResult(platform.System.Get<Hosting.Model.ProjectResource>("returns").RestartCount == before + 1),
            TimeSpan.FromSeconds(30), "returns to restart");
        await Assertions.Expect(page.Locator("#resources tr", new PageLocatorOptions { HasText = "returns" }).First.Locator("td").Nth(2))
            .ToHaveTextAsync("Running", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "4-restarted.png"), FullPage = true });
    }
}
