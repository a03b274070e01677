using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>What the platform owes each seller, through the gateway on the marketplace: sales, commission, refunds, payouts [MP-06, MP-10].</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceMoneyTests(MarketplacePlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_seller_is_owed_its_sales_less_its_commission_and_a_broken_item_returned_is_taken_back_with_its_commission_MP_06_MP_10()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var linen = await Sellers.CertifiedAsync(platform.Gateway, ops, "Lin " + Guid.NewGuid().ToString("N")[..8]);
        using var pottery = await Sellers.CertifiedAsync(platform.Gateway, ops, "Poterie " + Guid.NewGuid().ToString("N")[..8]);
        // Commission is set per seller: 12 % for the linen seller, the marketplace's 15 % for the potter.
        await Eventually.TrueAsync(async () =>
        {
            using var terms = await ops.PutAsJsonAsync($"/api/ops/payments/sellers/{linen.SellerId}/commission", new { percent = 12 });
            Assert.True(terms.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)terms.StatusCode}");
            return terms.StatusCode == HttpStatusCode.OK;
        }, Patience, "Payment to know the certified seller and take its commission");
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PutAsJsonAsync("/api/ops/payments/sellers/not-a-seller/commission", new { percent = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostAsJsonAsync("/api/ops/payments/sellers/not-a-seller/payouts",
            new { amountCents = 100, reference = "VIR-X" })).StatusCode);
        using var negative = await ops.PostAsJsonAsync($"/api/ops/payments/sellers/{linen.SellerId}/payouts", new { amountCents = -5, reference = "VIR-X" });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.True((await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amountCents", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PutAsJsonAsync($"/api/ops/payments/sellers/{linen.SellerId}/commission", new { percent = 80 })).StatusCode);
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order, _, bowl) = await ApronAndBowlDeliveredAsync(ops, linen, pottery, buyer);
        await BalanceAsync(linen.Client, 4500 - 540, "the apron's sale, less 12 %");
        await BalanceAsync(pottery.Client, 3200 - 480, "the bowl's sale, less 15 %");

        // The bowl arrives broken: returned with its shipping paid, refunded; the potter gives back the sale and gets its commission back.
        var returnId = await ReturnAsync(buyer, orderId, Warehouse.LineOf(order, bowl));
        Assert.True((await buyer.GetFromJsonAsync<JsonElement>($"/api/returns/{returnId}")).GetProperty("returnShippingRefunded").GetBoolean());
        // It goes to the potter first, who receives it; the linen seller does not see it.
        Assert.Contains((await pottery.Client.GetFromJsonAsync<JsonElement>("/api/returns/seller")).EnumerateArray(),
            item => item.GetProperty("returnId").GetString() == returnId);
        Assert.Equal(HttpStatusCode.NotFound, (await linen.Client.GetAsync($"/api/returns/seller/{returnId}")).StatusCode);
        using var received = await pottery.Client.PostAsJsonAsync($"/api/returns/seller/{returnId}/reception", new
        {
            lines = new[] { new { lineId = Warehouse.LineOf(order, bowl), accepted = true } },
        });
        Assert.True(received.StatusCode == HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        var potter = await BalanceAsync(pottery.Client, 0, "the bowl's refund taken back with its commission");
        Assert.Equal((3200L, 480L, 3200L, 480L), (potter.GetProperty("salesCents").GetInt64(), potter.GetProperty("commissionCents").GetInt64(),
            potter.GetProperty("refundsCents").GetInt64(), potter.GetProperty("commissionReturnedCents").GetInt64()));

        // The month's statement, as a spreadsheet; operations pay the linen seller what it is owed, and no more.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var csv = await linen.Client.GetAsync($"/api/payments/seller/statement?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}&format=csv");
        var statement = await csv.Content.ReadAsStringAsync();
        Assert.True(csv.Content.Headers.ContentType?.MediaType == "text/csv", $"{(int)csv.StatusCode} {statement}");
        Assert.Contains(";sale;", statement, StringComparison.Ordinal);
        Assert.Contains("solde 39,60", statement, StringComparison.Ordinal);
        using var pdf = await linen.Client.GetAsync($"/api/payments/seller/statement?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ops.PostAsJsonAsync($"/api/ops/payments/sellers/{linen.SellerId}/payouts",
            new { amountCents = 3961, reference = "VIR-2026-11-LIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ops.PostAsJsonAsync($"/api/ops/payments/sellers/{linen.SellerId}/payouts",
            new { amountCents = 3960, reference = "VIR-2026-11-LIN" })).StatusCode);
        await BalanceAsync(linen.Client, 0, "the payout");
        Assert.Equal(HttpStatusCode.Forbidden, (await linen.Client.GetAsync($"/api/ops/payments/sellers/{pottery.SellerId}/balance")).StatusCode);
    }

    [Fact]
    public async Task A_claim_refund_is_given_back_by_the_seller_of_the_claimed_item_only_and_a_unit_is_claimed_or_returned_once_MP_10_ALL_02()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var linen = await Sellers.CertifiedAsync(platform.Gateway, ops, "Lin " + Guid.NewGuid().ToString("N")[..8]);
        using var pottery = await Sellers.CertifiedAsync(platform.Gateway, ops, "Poterie " + Guid.NewGuid().ToString("N")[..8]);
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway);
        var (orderId, order, _, bowl) = await ApronAndBowlDeliveredAsync(ops, linen, pottery, buyer);
        await BalanceAsync(linen.Client, 4500 - 675, "the apron's sale, less 15 %");
        await BalanceAsync(pottery.Client, 3200 - 480, "the bowl's sale, less 15 %");
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0 };

        // A damaged parcel, no line named: ops say which item the refund is for, and its seller alone gives it back.
        var claimId = await ReturnsTests.FiledClaimAsync(buyer, () => ReturnsTests.Claim(orderId, "damaged", null, photo));
        using var unnamed = await ops.PostAsJsonAsync($"/api/ops/returns/claims/{claimId}/resolution", new { outcome = "refund", amountCents = 3200 });
        Assert.Equal(HttpStatusCode.Conflict, unnamed.StatusCode);
        Assert.Contains("lineId", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () =>
        {
            // A 409 until Returns has heard that the bowl shipped.
            using var named = await ops.PostAsJsonAsync($"/api/ops/returns/claims/{claimId}/resolution",
                new { outcome = "refund", lineId = Warehouse.LineOf(order, bowl), note = "saladier cassé" });
            Assert.True(named.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, await named.Content.ReadAsStringAsync());
            return named.StatusCode == HttpStatusCode.OK;
        }, Patience, "the claim refunded for the bowl");
        await BalanceAsync(pottery.Client, 0, "the bowl's refund taken back from the potter");
        await BalanceAsync(linen.Client, 4500 - 675, "the linen seller's balance untouched");

        // The bowl is refunded: it can be neither claimed again nor returned.
        using var again = await buyer.PostAsync("/api/claims", ReturnsTests.Claim(orderId, "defective", Warehouse.LineOf(order, bowl), photo));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var returned = await buyer.PostAsJsonAsync("/api/returns", new
        {
            orderId, lines = new[] { new { lineId = Warehouse.LineOf(order, bowl), quantity = 1, reason = "not-working" } }, refundMethod = "original",
        });
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        Assert.Equal(3200, (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0].GetProperty("refundedCents").GetInt64());
    }

    /// <summary>The linen seller's apron (45 €) and the potter's bowl (32 €) ordered together, each shipped by its seller and delivered.</summary>
    private async Task<(string OrderId, JsonElement Order, string Apron, string Bowl)> ApronAndBowlDeliveredAsync(HttpClient ops, SignedInSeller linen,
        SignedInSeller pottery, HttpClient buyer)
    {
        var (_, apron) = await Sellers.PublishedProductAsync(linen.Client, "Tablier de jardinier", 4500, shipsWithinDays: 2, units: 3);
        var (_, bowl) = await Sellers.PublishedProductAsync(pottery.Client, "Saladier en grès", 3200, shipsWithinDays: 2, units: 3);
        var (orderId, order) = await Sellers.HandedOnOrderAsync(buyer, ops, apron, bowl);
        await MarketplaceSellerTests.OwnLinesAsync(linen.Client, orderId);
        await MarketplaceSellerTests.OwnLinesAsync(pottery.Client, orderId);
        var apronParcel = await MarketplaceSellerTests.ShipAsync(linen.Client, orderId, Warehouse.LineOf(order, apron), 1);
        var bowlParcel = await MarketplaceSellerTests.ShipAsync(pottery.Client, orderId, Warehouse.LineOf(order, bowl), 1);
        await Warehouse.DeliverAsync(platform.Sandboxes, apronParcel, DateTimeOffset.UtcNow.AddHours(-2));
        await Warehouse.DeliverAsync(platform.Sandboxes, bowlParcel, DateTimeOffset.UtcNow.AddHours(-1));
        return (orderId, order, apron, bowl);
    }

    /// <summary>The buyer sends back a line that does not work, once its parcel is delivered; the return's id.</summary>
    public static async Task<string> ReturnAsync(HttpClient buyer, string orderId, string lineId) =>
        (string)await Eventually.GetAsync(async () =>
        {
            using var requested = await buyer.PostAsJsonAsync("/api/returns", new
            {
                orderId, lines = new[] { new { lineId, quantity = 1, reason = "not-working" } }, refundMethod = "original",
            });
            return requested.StatusCode == HttpStatusCode.Created
                ? (object)(await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returnId").GetString()! : null;
        }, Patience, "the return, once the parcel is delivered");

    private static async Task<JsonElement> BalanceAsync(HttpClient seller, long balanceCents, string what) =>
        (JsonElement)await Eventually.GetAsync(async () =>
            await seller.GetFromJsonAsync<JsonElement>("/api/payments/seller/balance") is var balance && balance.GetProperty("balanceCents").GetInt64() == balanceCents
                ? (object)balance : null, Patience, $"{what}: a balance of {balanceCents} cents");
}
