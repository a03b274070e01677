using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OrderPlatform.EndToEndTests;

/// <summary>Debian's Chromium driven by Playwright (installed by eng/test; no browser download), with this machine's closed network in mind.</summary>
public static class Browser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ORDERPLATFORM_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run"],
        });
    }

    /// <summary>Where a test's screenshots are kept: artifacts/test-results/{folder}.</summary>
    public static string ScreenshotsFolder(string folder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "test-results", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The page as it stands passes axe-core's WCAG 2.1 A and AA checks.</summary>
    public static async Task AccessibleAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var found = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(found.Violations.Length == 0, $"{what}: " + string.Join("; ", found.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")));
    }
}
