using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace OrderPlatform.EndToEndTests;

/// <summary>What a careless client sends gets a 400 problem saying what could not be read, through the gateway, never a 500.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("POST", "/api/accounts", "{")]
    [InlineData("POST", "/api/accounts/token", "[1, 2]")]
    [InlineData("POST", "/api/accounts", "{\"email\": 42, \"password\": true}")]
    [InlineData("GET", "/api/catalog/products?page=abc", null)]
    [InlineData("POST", "/api/orders", "")]
    [InlineData("POST", "/api/orders", "{\"lines\": [{\"sku\": \"X\", \"quantity\": 1e400}]}")]
    [InlineData("GET", "/api/orders?page=x", null)]
    public async Task A_body_or_query_that_cannot_be_read_is_a_400_problem(string method, string path, string? body)
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await customer.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());
    }
}
