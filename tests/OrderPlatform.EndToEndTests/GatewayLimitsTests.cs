using System.Net;
using System.Text;

namespace OrderPlatform.EndToEndTests;

/// <summary>What the gateway refuses before any service sees it, and what it adds to every answer.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayLimitsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var huge = new StringContent("{\"lines\":[{\"sku\":\"" + new string('X', 2 * 1024 * 1024) + "\",\"quantity\":1}]}", Encoding.UTF8, "application/json");

        using var response = await customer.PostAsync("/api/orders", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id()
    {
        using var found = await platform.Gateway.GetAsync("/api/catalog/stores?city=Lyon");
        using var missing = await platform.Gateway.GetAsync("/api/nothing-here");

        Assert.Matches("^[0-9a-f]{32}$", found.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", missing.Headers.GetValues("X-Correlation-Id").Single());
    }
}
