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

    [Theory]
    [InlineData("POST", "/api/accounts/token", "{\"email\": \"anne\\u0000@example.fr\", \"password\": \"Secret-2026!\"}", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/newsletter/unsubscribe?token=%00", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/catalog/products?q=robe%00", null, HttpStatusCode.BadRequest)]
    public async Task A_nul_character_anywhere_is_a_400_problem_even_signed_out(string method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await platform.Gateway.SendAsync(request);

        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_all_zero_order_id_is_a_404_problem_and_being_signed_out_or_not_allowed_says_so_in_a_problem()
    {
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);

        using var zero = await customer.PostAsync($"/api/orders/{Guid.Empty}/cancel", null);
        using var signedOut = await platform.Gateway.GetAsync("/api/orders");
        using var notOps = await customer.GetAsync("/api/ops/orders?status=placed");

        Assert.True(zero.StatusCode == HttpStatusCode.NotFound, $"{(int)zero.StatusCode} {await zero.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOps.StatusCode);
        foreach (var response in new[] { zero, signedOut, notOps })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());
        }
    }
}
