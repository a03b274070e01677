extern alias ordering;

using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ordering::OrderPlatform.Ordering.Domain;
using ordering::OrderPlatform.Ordering.Features.PlaceOrder;

namespace OrderPlatform.IntegrationTests.Ordering;

/// <summary>
/// Checkout's one synchronous call: Catalog's prices, through the resilience pipeline every service's
/// clients get. When Catalog cannot answer, the checkout gets a clean failure in bounded time.
/// </summary>
public sealed class CatalogPricingTests
{
    private static readonly RequestedLine[] Basket = [new("ROBE-ETE-38", 1), new("PAS-UN-ARTICLE", 2), new("robe-ete-38", 1)];

    [Fact]
    public async Task Catalog_down_fails_fast_and_cleanly()
    {
        var pricing = PricingFor($"http://127.0.0.1:{ClosedPort()}");
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<CatalogUnavailableException>(() => pricing.PriceAsync(Basket, CancellationToken.None));

        Assert.True(clock.Elapsed < CatalogPricing.TotalTimeout + TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Catalog_failing_is_retried_then_reported_unavailable()
    {
        var calls = 0;
        await using var catalog = await FakeCatalogAsync(context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<CatalogUnavailableException>(() => PricingFor(catalog.Urls.First()).PriceAsync(Basket, CancellationToken.None));
        Assert.True(calls > 1, "a transient failure is retried");
    }

    [Fact]
    public async Task Skus_catalog_refuses_are_named_by_the_storefronts_own_line_indexes()
    {
        await using var catalog = await FakeCatalogAsync(context => Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["lines[1].sku"] = ["PAS-UN-ARTICLE is not for sale."],
        }).ExecuteAsync(context));

        var (prices, errors) = await PricingFor(catalog.Urls.First()).PriceAsync(Basket, CancellationToken.None);

        Assert.Empty(prices);
        Assert.Equal(["lines[1].sku"], errors.Keys);
    }

    [Fact]
    public async Task Prices_come_back_by_sku()
    {
        await using var catalog = await FakeCatalogAsync(context => context.Response.WriteAsJsonAsync(new
        {
            lines = new[] { new { sku = "ROBE-ETE-38", quantity = 2, unitPriceCents = 5990L, productName = "Robe d'été", sellerId = "maison" } },
            totalCents = 11980L,
        }));

        var (prices, errors) = await PricingFor(catalog.Urls.First()).PriceAsync([new("robe-ete-38", 2)], CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(new PricedSku("ROBE-ETE-38", 5990, "Robe d'été", "maison"), prices["ROBE-ETE-38"]);
    }

    /// <summary>CatalogPricing as Ordering builds it: service defaults' resilience and discovery, Catalog's address from configuration.</summary>
    private static CatalogPricing PricingFor(string catalogAddress)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["services:catalog:http:0"] = catalogAddress });
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        CatalogPricing.Register(builder.Services);
        return builder.Build().Services.GetRequiredService<CatalogPricing>();
    }

    private static async Task<WebApplication> FakeCatalogAsync(RequestDelegate pricing)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/internal/pricing", pricing);
        await app.StartAsync();
        return app;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
