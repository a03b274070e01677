using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;

namespace OrderPlatform.EndToEndTests;

/// <summary>Returns through the gateway: a delivered order comes back, is inspected, and the money goes where the customer chose.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReturnsTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task Two_lines_returned_one_refused_at_inspection_the_other_refunded_to_store_credit_less_the_label_FR_12_FR_13_FR_14_FR_15_FR_17_FR_18()
    {
        var skus = await Catalogue.InStockSkusAsync(gateway, 3, "Homme");
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(skus[0], 1), (skus[1], 1), (skus[2], 1)],
            DateTimeOffset.UtcNow.AddDays(-3));
        var lines = order.GetProperty("lines").EnumerateArray().ToList();

        using var requested = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId,
            lines = new[] { new { lineId = Id(lines[0]), quantity = 1, reason = "wrong-size" }, new { lineId = Id(lines[1]), quantity = 1, reason = "changed-mind" } },
            refundMethod = "store-credit",
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var created = await requested.Content.ReadFromJsonAsync<JsonElement>();
        var returnId = created.GetProperty("returnId").GetString();
        Assert.Equal(490, created.GetProperty("labelCostCents").GetInt64()); // not a loyalty member [FR-14]

        // The printable authorisation with the carrier's label, downloadable again [FR-12, FR-18].
        var pdf = (byte[])await Eventually.GetAsync(async () =>
        {
            using var response = await customer.GetAsync($"/api/returns/{returnId}/authorisation");
            return response.StatusCode == HttpStatusCode.OK ? (object)await response.Content.ReadAsByteArrayAsync() : null;
        }, Patience, "the return authorisation");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join('\n', document.GetPages().Select(page => page.Text));
            Assert.Contains(created.GetProperty("returnNumber").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains("MONDIAL RELAY", text, StringComparison.Ordinal); // the label's page
            Assert.True(document.NumberOfPages >= 2);
        }

        // The confirmation e-mail carries the same authorisation [FR-12].
        var confirmation = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est accepté");
        var attachment = Assert.Single(confirmation.GetProperty("attachments").EnumerateArray());
        Assert.Equal(($"{created.GetProperty("returnNumber").GetString()}.pdf", "application/pdf"),
            (attachment.GetProperty("fileName").GetString(), attachment.GetProperty("contentType").GetString()));

        using var received = await ops.PostAsJsonAsync($"/api/returns/{returnId}/reception", new
        {
            lines = new object[] { new { lineId = Id(lines[0]), accepted = true }, new { lineId = Id(lines[1]), accepted = false, note = "porté, sans étiquette" } },
        });
        Assert.True(received.StatusCode == HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        var inspected = await received.Content.ReadFromJsonAsync<JsonElement>();
        var expected = lines[0].GetProperty("unitPriceCents").GetInt64() - lines[0].GetProperty("discountCents").GetInt64() - 490; // no shipping fee [FR-17]
        Assert.Equal(expected, inspected.GetProperty("refundCents").GetInt64());
        Assert.InRange(inspected.GetProperty("refundDueBy").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(13.9), DateTimeOffset.UtcNow.AddDays(14.1)); // [FR-13]

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>("/api/payments/store-credit"))
            .GetProperty("balanceCents").GetInt64() == expected, Patience, "the refund on the store credit");
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/returns/{returnId}"))
            .GetProperty("status").GetString() == "refunded", Patience, "the return to be closed");
        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}"))
            .GetProperty("refundedCents").GetInt64() == expected, Patience, "the order to show the refund");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        Assert.Equal(0, (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0].GetProperty("refundedCents").GetInt64()); // not the card
        var refundMail = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "remboursement de");
        var verdict = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "des articles sont refusés"); // [FR-33]
        Assert.Contains("Motif : porté, sans étiquette", verdict.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains("avoir", refundMail.GetProperty("text").GetString()!, StringComparison.Ordinal);
        using var again = await customer.GetAsync($"/api/returns/{returnId}/authorisation");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // closed
    }

    [Fact]
    public async Task A_return_refunded_to_the_card_is_closed_once_the_PSP_gave_the_money_back_FR_13()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddDays(-2));
        var line = order.GetProperty("lines")[0];
        using var requested = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId, lines = new[] { new { lineId = Id(line), quantity = 1, reason = "wrong-size" } }, refundMethod = "original",
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var returnId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returnId").GetString();

        using var received = await ops.PostAsJsonAsync($"/api/returns/{returnId}/reception", new { lines = new object[] { new { lineId = Id(line), accepted = true } } });
        Assert.True(received.StatusCode == HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        var refund = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundCents").GetInt64();

        await Eventually.TrueAsync(async () => (await customer.GetFromJsonAsync<JsonElement>($"/api/returns/{returnId}"))
            .GetProperty("status").GetString() == "refunded", Patience, "the return refunded to the card to be closed");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        Assert.Equal(refund, (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0].GetProperty("refundedCents").GetInt64());
        using var overdue = await ops.GetAsync("/api/ops/returns/refunds-due");
        Assert.DoesNotContain(returnId!, await overdue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_of_a_delivered_order_returns_has_not_heard_of_yet_is_told_to_retry_not_that_the_order_does_not_exist_FR_12()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var stranger = await Accounts.NewCustomerAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddDays(-1));
        // Returns as it is when its queue is behind after an outage: the order's news has not reached it (what it knew is wiped).
        await platform.ScalarAsync("returnsdb", "delete from mt_doc_returnableorder where id = @p0; delete from mt_events where stream_id = @p0; "
                                                + "delete from mt_streams where id = @p0", Guid.Parse(orderId));
        var asked = new { orderId, lines = new[] { new { lineId = Id(order.GetProperty("lines")[0]), quantity = 1, reason = "wrong-size" } }, refundMethod = "original" };

        using var notYet = await customer.PostAsJsonAsync("/api/returns", asked);
        using var notTheirs = await stranger.PostAsJsonAsync("/api/returns", asked);
        using var nobodys = await customer.PostAsJsonAsync("/api/returns", asked with { orderId = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Equal("application/problem+json", notYet.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), notYet.Headers.RetryAfter?.Delta);
        Assert.Contains("not reached returns yet", await notYet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobodys.StatusCode);
    }

    [Fact]
    public async Task A_return_asked_on_day_15_is_refused_FR_15()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddDays(-15));

        using var late = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId, lines = new[] { new { lineId = Id(order.GetProperty("lines")[0]), quantity = 1, reason = "changed-mind" } }, refundMethod = "original",
        });
        using var lateWithdrawal = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId, lines = new[] { new { lineId = Id(order.GetProperty("lines")[0]), quantity = 1, reason = "changed-mind" } }, refundMethod = "original",
            withdrawal = true,
        });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, lateWithdrawal.StatusCode);
    }

    [Fact]
    public async Task A_defective_item_is_claimed_with_a_photo_only_its_customer_and_ops_see_and_ops_refund_it_FR_05_FR_04()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var someoneElse = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddHours(-2));
        var line = order.GetProperty("lines")[0];
        var photo = new byte[2 * 1024 * 1024]; // a phone's photo: larger than the gateway's JSON limit
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(photo, 0);

        using var notAnImage = await customer.PostAsync("/api/claims", Claim(orderId, "defective", Id(line), "%PDF-1.4"u8.ToArray()));
        using var filed = await customer.PostAsync("/api/claims", Claim(orderId, "defective", Id(line), photo));

        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var claimId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimId").GetString();
        Assert.Equal(photo, await customer.GetByteArrayAsync($"/api/claims/{claimId}/photo"));
        Assert.Equal(photo.Length, (await ops.GetByteArrayAsync($"/api/claims/{claimId}/photo")).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync($"/api/claims/{claimId}/photo")).StatusCode);

        // A refund above the shop's threshold: the operator signs in with a new code just before.
        using var opsNow = await Accounts.SignedInAsync(gateway, Accounts.OpsEmail, Accounts.OpsPassword);
        using var resolved = await opsNow.PostAsJsonAsync($"/api/ops/returns/claims/{claimId}/resolution", new { outcome = "refund", note = "couture défaite" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var amount = line.GetProperty("unitPriceCents").GetInt64() - line.GetProperty("discountCents").GetInt64();
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        await Eventually.TrueAsync(async () => (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0]
            .GetProperty("refundedCents").GetInt64() == amount, Patience, "the claim's refund on the card");
        Assert.Equal("resolved", (await customer.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}")).GetProperty("status").GetString());
        var told = await Mailbox.WaitAsync(platform.Sandboxes, await Mailbox.EmailOfAsync(customer), "est réglée"); // [FR-33]
        Assert.Contains("couture défaite", told.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_is_claimed_once_and_a_unit_claimed_cannot_also_be_returned_FR_04_FR_05_ALL_02()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddHours(-2));
        var line = Id(order.GetProperty("lines")[0]);
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0 };

        await FiledClaimAsync(customer, () => Claim(orderId, "defective", line, photo));
        using var second = await customer.PostAsync("/api/claims", Claim(orderId, "missing", line, null));
        using var returned = await Warehouse.RequestReturnAsync(customer, new
        {
            orderId, lines = new[] { new { lineId = line, quantity = 1, reason = "defective" } }, refundMethod = "original",
        });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
    }

    [Fact]
    public async Task A_missing_item_settled_by_replacement_ships_it_free_tracked_like_any_parcel_FR_04_FR_33()
    {
        var sku = (await Catalogue.InStockSkusAsync(gateway, 1, "Homme"))[0];
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var (orderId, order) = await Warehouse.DeliveredOrderAsync(gateway, platform.Sandboxes, customer, [(sku, 1)], DateTimeOffset.UtcNow.AddHours(-2));
        var line = order.GetProperty("lines")[0];
        using var filed = await customer.PostAsync("/api/claims", Claim(orderId, "missing", Id(line), null));
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var claimId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimId").GetString();

        using var resolved = await ops.PostAsJsonAsync($"/api/ops/returns/claims/{claimId}/resolution", new { outcome = "replacement" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var replacement = (await Warehouse.ShipReplacementAsync(ops, orderId, [(Id(line), 1)])).GetProperty("shipment");

        var email = await Mailbox.EmailOfAsync(customer);
        await Mailbox.WaitAsync(platform.Sandboxes, email, "est réglée");
        var after = (JsonElement)await Eventually.GetAsync(async () =>
        {
            var current = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
            return current.GetProperty("shipments").GetArrayLength() == 2 ? (object)current : null;
        }, Patience, "the order to show the replacement parcel");
        Assert.True(after.GetProperty("shipments")[1].GetProperty("replacement").GetBoolean());
        Assert.Equal(replacement.GetProperty("trackingNumber").GetString(), after.GetProperty("shipments")[1].GetProperty("trackingNumber").GetString());
        Assert.Equal("delivered", after.GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => (await Mailbox.MessagesAsync(platform.Sandboxes, email))
            .Count(mail => mail.GetProperty("subject").GetString()!.Contains("expédiée", StringComparison.Ordinal)) == 2, Patience, "the replacement's tracking e-mail");
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        Assert.Equal(after.GetProperty("totalCents").GetInt64(),
            (await psp.GetFromJsonAsync<JsonElement>($"/psp/payments?reference={orderId}"))[0].GetProperty("capturedCents").GetInt64()); // charged once
    }

    /// <summary>Files a claim once Returns has heard of the parcel (a 409 until then); the claim's id.</summary>
    public static async Task<string> FiledClaimAsync(HttpClient customer, Func<MultipartFormDataContent> claim) =>
        (string)await Eventually.GetAsync(async () =>
        {
            using var content = claim();
            using var filed = await customer.PostAsync("/api/claims", content);
            Assert.True(filed.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await filed.Content.ReadAsStringAsync());
            return filed.StatusCode == HttpStatusCode.Created ? (object)(await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimId").GetString()! : null;
        }, Patience, "the claim, once Returns knows the parcel");

    /// <summary>The multipart form a storefront sends for a claim.</summary>
    public static MultipartFormDataContent Claim(string orderId, string kind, string? lineId, byte[]? photo)
    {
        var form = new MultipartFormDataContent { { new StringContent(orderId), "orderId" }, { new StringContent(kind), "kind" } };
        if (lineId is not null)
        {
            form.Add(new StringContent(lineId), "lineId");
        }

        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "photo.jpg");
        }

        return form;
    }

    private static string Id(JsonElement line) => line.GetProperty("lineId").GetString()!;
}
