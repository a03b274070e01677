using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Payment through the gateway, with the sandbox PSP: methods, declines and their codes, accepted brands.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PaymentTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task The_shop_says_which_methods_it_accepts_FR_25()
    {
        var methods = await gateway.GetFromJsonAsync<JsonElement>("/api/payments/methods");

        Assert.Equal(["card", "paypal", "store-credit"], methods.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
        Assert.Equal(["cb", "visa", "mastercard"], methods.GetProperty("cardBrands").EnumerateArray().Select(brand => brand.GetString()));
        Assert.Equal("on-shipment", methods.GetProperty("capture").GetString());
    }

    [Theory]
    [InlineData("4000 0000 0000 9995", "insufficient-funds")]
    [InlineData("4000 0000 0000 9987", "limit-exceeded")]
    [InlineData("4000 0000 0000 0002", "wrong-details")]
    [InlineData("4000 0027 6000 3184", "authentication-failed")]
    [InlineData("3782 822463 10005", "card-brand-not-accepted")]
    public async Task A_refused_payment_ends_the_order_with_a_decline_code_per_reason_and_charges_nothing_FR_27_JI_03(string card, string declineCode)
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var orderId = await Checkout.PlacedOrderIdAsync(customer, Checkout.Body([(sku, 1)], token: await Checkout.TokeniseAsync(platform.Sandboxes, card)));

        var order = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("status").GetString() == "payment-refused" ? (object)current : null;
        }, Patience, "the payment to be refused");

        Assert.Equal(declineCode, order.GetProperty("declineCode").GetString());
        Assert.Equal(0, order.GetProperty("capturedCents").GetInt64());
        Assert.DoesNotContain(order.GetProperty("statusHistory").EnumerateArray(), change => change.GetProperty("status").GetString() == "confirmed");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        var ledger = await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}");
        Assert.All(ledger.EnumerateArray(), payment => Assert.Equal(0, payment.GetProperty("capturedCents").GetInt64()));
    }
}
