using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Buyers and sellers talk, and problems are reported, through the gateway on the marketplace [MP-09, MP-11].</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceConversationTests(MarketplacePlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The smallest PNG: its signature is what the upload's rules read.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_buyer_asks_a_seller_about_a_product_and_an_order_the_seller_answers_with_a_photo_and_each_side_is_emailed_MP_09()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var seller = await Sellers.CertifiedAsync(platform.Gateway, ops, "Linge " + Guid.NewGuid().ToString("N")[..8]);
        var (productId, sku) = await Sellers.PublishedProductAsync(seller.Client, "Nappe en lin lavé", 6900, shipsWithinDays: 3, units: 5);
        var buyerEmail = Accounts.NewEmail();
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway, buyerEmail);

        var aboutProduct = await StartAsync(buyer, new { productId, text = "Existe-t-elle en 180 × 300 ?" });
        var mailToSeller = await Mailbox.WaitAsync(platform.Sandboxes, seller.ContactEmail, "nouveau message");
        Assert.Contains($"/vendeur/messages/{aboutProduct}", mailToSeller.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("180 × 300", mailToSeller.GetProperty("text").GetString(), StringComparison.Ordinal); // the text stays on the platform
        var inbox = await seller.Client.GetFromJsonAsync<JsonElement>("/api/conversations");
        var listed = inbox.EnumerateArray().Single(conversation => conversation.GetProperty("id").GetString() == aboutProduct);
        Assert.Equal(("Nappe en lin lavé", seller.SellerId), (listed.GetProperty("productName").GetString(), listed.GetProperty("sellerId").GetString()));

        var photoId = await AnswerAsync(seller.Client, aboutProduct, "Oui, sur commande : voici le tissu.", Png);
        await Mailbox.WaitAsync(platform.Sandboxes, buyerEmail, "réponse à votre message");
        var read = await buyer.GetFromJsonAsync<JsonElement>($"/api/conversations/{aboutProduct}");
        Assert.Equal(["buyer", "seller"], read.GetProperty("messages").EnumerateArray().Select(message => message.GetProperty("from").GetString()));
        using var photo = await buyer.GetAsync($"/api/conversations/{aboutProduct}/attachments/{photoId}");
        Assert.Equal((HttpStatusCode.OK, "image/png"), (photo.StatusCode, photo.Content.Headers.ContentType?.MediaType));
        using var notAPhoto = new MultipartFormDataContent { { new StringContent("Et ceci ?"), "text" }, { Image([0x25, 0x50, 0x44, 0x46]), "photo", "facture.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.PostAsync($"/api/conversations/{aboutProduct}/messages", notAPhoto)).StatusCode);

        // About an order: its only seller is the one written to; operations see the conversation and may step in.
        var (orderId, _) = await Sellers.HandedOnOrderAsync(buyer, ops, sku);
        var aboutOrder = await StartAsync(buyer, new { orderId, text = "Pouvez-vous l'envoyer avant vendredi ?" });
        var seenBySeller = await seller.Client.GetFromJsonAsync<JsonElement>($"/api/conversations/{aboutOrder}");
        var orderNumber = (await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("orderNumber").GetString();
        Assert.Equal((seller.SellerId, orderNumber), (seenBySeller.GetProperty("sellerId").GetString(), seenBySeller.GetProperty("orderNumber").GetString()));
        using var opsWord = new MultipartFormDataContent { { new StringContent("Le vendeur est prévenu."), "text" } };
        Assert.Equal(HttpStatusCode.Created, (await ops.PostAsync($"/api/conversations/{aboutOrder}/messages", opsWord)).StatusCode);
        using var someoneElse = await Accounts.NewCustomerAsync(platform.Gateway);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.PostAsJsonAsync("/api/conversations", new { orderId, text = "?" })).StatusCode);
        // Operations see every order, but report a problem only with their own.
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostAsJsonAsync("/api/reports", new { kind = "order-problem", orderId, text = "?" })).StatusCode);

        // The demo catalogue's seller was certified as any company: a question about its apron reaches its contact.
        var aboutApron = await StartAsync(buyer, new { productId = "tablier-lin", text = "Le lin est-il lavé ?" });
        var mail = await Mailbox.WaitAsync(platform.Sandboxes, "contact@atelier-lyonnais.example", "nouveau message");
        Assert.Contains($"/vendeur/messages/{aboutApron}", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_problem_goes_to_the_seller_first_and_to_the_platform_if_unanswered_a_technical_problem_to_the_platform_and_ops_close_them_MP_11()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var seller = await Sellers.CertifiedAsync(platform.Gateway, ops, "Céramique " + Guid.NewGuid().ToString("N")[..8]);
        var (_, sku) = await Sellers.PublishedProductAsync(seller.Client, "Tasse en porcelaine", 1800, shipsWithinDays: 2, units: 5);
        var buyerEmail = Accounts.NewEmail();
        using var buyer = await Accounts.NewCustomerAsync(platform.Gateway, buyerEmail);
        var (orderId, _) = await Sellers.HandedOnOrderAsync(buyer, ops, sku);

        // An order problem: with the seller, who is e-mailed and answers it; the buyer is e-mailed the answer.
        var answered = await ReportAsync(buyer, new { kind = "order-problem", orderId, text = "La tasse est arrivée fêlée." });
        Assert.Equal(("seller", "open", seller.SellerId), (answered.GetProperty("owner").GetString(), answered.GetProperty("status").GetString(),
            answered.GetProperty("sellerId").GetString()));
        var id = answered.GetProperty("id").GetString();
        Assert.Contains((await seller.Client.GetFromJsonAsync<JsonElement>("/api/reports")).EnumerateArray(), report => report.GetProperty("id").GetString() == id);
        using var answer = await seller.Client.PostAsJsonAsync($"/api/reports/{id}/entries", new { text = "Nous en envoyons une autre aujourd'hui." });
        Assert.Equal("answered", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await Mailbox.WaitAsync(platform.Sandboxes, seller.ContactEmail, "problème signalé");
        await Mailbox.WaitAsync(platform.Sandboxes, buyerEmail, "le vendeur vous a répondu");

        // Another, left unanswered: the platform takes it over once the seller's time has passed (seconds here, 48 hours in a shop).
        var ignored = (await ReportAsync(buyer, new { kind = "order-problem", orderId, text = "Et la soucoupe manque." })).GetProperty("id").GetString();
        var escalated = (JsonElement)await Eventually.GetAsync(async () =>
            await buyer.GetFromJsonAsync<JsonElement>($"/api/reports/{ignored}") is var report && report.GetProperty("status").GetString() == "escalated"
                ? (object)report : null, Patience, "the unanswered report to be escalated");
        Assert.Equal("platform", escalated.GetProperty("owner").GetString());
        await Mailbox.WaitAsync(platform.Sandboxes, buyerEmail, "notre équipe prend le relais");

        // A technical problem goes to the platform: the seller does not see it; operations close it, and then it takes no more words.
        var technical = (await ReportAsync(buyer, new { kind = "technical", text = "La page de paiement tourne sans fin." })).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await seller.Client.GetAsync($"/api/reports/{technical}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync($"/api/reports/{technical}/close", new { text = "Résolu" })).StatusCode);
        using var closed = await ops.PostAsJsonAsync($"/api/reports/{technical}/close", new { text = "Corrigé : le prestataire de paiement était en panne." });
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsJsonAsync($"/api/reports/{technical}/entries", new { text = "Merci" })).StatusCode);
        Assert.Contains((await ops.GetFromJsonAsync<JsonElement>("/api/reports?status=escalated")).EnumerateArray(),
            report => report.GetProperty("id").GetString() == ignored);

        // The answered one: the buyer never replied, so the seller's answer settled it (seconds here, 14 days in a shop).
        var settled = (JsonElement)await Eventually.GetAsync(async () =>
            await buyer.GetFromJsonAsync<JsonElement>($"/api/reports/{id}") is var report && report.GetProperty("status").GetString() == "closed"
                ? (object)report : null, Patience, "the answered report, left without a reply, to be closed");
        Assert.Equal("system", settled.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());
    }

    public static async Task<string> StartAsync(HttpClient buyer, object body)
    {
        using var started = await buyer.PostAsJsonAsync("/api/conversations", body);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Answers in the conversation, with a photo if given; the photo's attachment id.</summary>
    public static async Task<string?> AnswerAsync(HttpClient client, string conversationId, string text, byte[]? photo = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (photo is not null)
        {
            form.Add(Image(photo), "photo", "photo.png");
        }

        using var posted = await client.PostAsync($"/api/conversations/{conversationId}/messages", form);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var message = await posted.Content.ReadFromJsonAsync<JsonElement>();
        return message.TryGetProperty("attachment", out var attachment) && attachment.ValueKind == JsonValueKind.Object
            ? attachment.GetProperty("id").GetString() : null;
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, object body)
    {
        using var opened = await client.PostAsJsonAsync("/api/reports", body);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return await opened.Content.ReadFromJsonAsync<JsonElement>();
    }
}
