extern alias notification;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.Shops.Customers;
using OrderPlatform.Messaging;
using notification::OrderPlatform.Notification;
using notification::OrderPlatform.Notification.Delivery;
using notification::OrderPlatform.Notification.Features.MarketplaceNotifications;

namespace OrderPlatform.IntegrationTests.Notification;

/// <summary>
/// A new message in a buyer–seller conversation, or a seller's late lines, e-mail the other side once, however often told, and wait (parked)
/// for the seller's certification or the buyer's sign-up when they arrive before them [MP-08, MP-09, ALL-04].
/// </summary>
public sealed class MarketplaceNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync() =>
        service = await TestService.StartConsumingAsync("mpnotify",
            bus =>
            {
                bus.AddCustomerDirectory();
                bus.AddConsumer<SellerContactConsumer>();
                bus.AddConsumer<ConversationMessageConsumer>();
                bus.AddConsumer<SellerLinesLateConsumer>();
                bus.AddConsumer<ReportChangedConsumer>();
            },
            NotificationStorage.Configure,
            services =>
            {
                services.Configure<NotificationOptions>(options => options.ShopName = "La Place du Marché");
                services.Configure<EarlyMessageOptions>(options => options.ScanInterval = TimeSpan.FromMilliseconds(200));
            });

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Each_message_is_emailed_once_to_the_other_side_even_told_twice_and_before_the_seller_or_buyer_is_known_MP_09_ALL_04()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var (conversationId, buyerId) = (Guid.NewGuid(), Guid.NewGuid());
        const string SellerId = "atelier-rhone-732829320";

        // The buyer's question arrives (twice) before the seller's certification: it waits, then goes to the seller's contact once.
        await bus.PublishTwiceAsync(new ConversationMessagePosted(conversationId, Guid.NewGuid(), "buyer", buyerId, SellerId, null, "Nappe en lin", Now));
        await Eventually.HoldsAsync(async () => (await QueuedToAsync("contact@atelier-rhone.fr")).Count == 0, TimeSpan.FromSeconds(1),
            "nothing to the seller before its certification");
        await bus.Publish(new SellerCertified(SellerId, "Atelier Rhône", Guid.NewGuid(), Guid.NewGuid(), Now, "contact@atelier-rhone.fr"));
        await Eventually.TrueAsync(async () => (await QueuedToAsync("contact@atelier-rhone.fr")).Count > 0, Patience, "the seller to be e-mailed");

        // The seller's answer arrives (twice) before the buyer is known here: it waits for the sign-up, then goes to the buyer once.
        await bus.PublishTwiceAsync(new ConversationMessagePosted(conversationId, Guid.NewGuid(), "seller", buyerId, SellerId, null, "Nappe en lin", Now));
        await bus.Publish(new CustomerRegistered(buyerId, "C100001", "lea@exemple.fr", "Léa", null, false));
        await Eventually.TrueAsync(async () => (await QueuedToAsync("lea@exemple.fr")).Count > 0, Patience, "the buyer to be e-mailed");
        await Task.Delay(1000); // any second copy is consumed

        var toSeller = Assert.Single(await QueuedToAsync("contact@atelier-rhone.fr"));
        Assert.Equal("seller-message", toSeller.Template);
        Assert.Contains($"/vendeur/messages/{conversationId}", toSeller.Text, StringComparison.Ordinal);
        Assert.Equal("buyer-message", Assert.Single(await QueuedToAsync("lea@exemple.fr")).Template);
    }

    [Fact]
    public async Task Late_lines_are_told_once_to_the_buyer_once_known_and_to_a_certified_sellers_contact_MP_08_ALL_04()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var (orderId, buyerId) = (Guid.NewGuid(), Guid.NewGuid());
        await bus.Publish(new SellerCertified("brocante-443061841", "Brocante", Guid.NewGuid(), Guid.NewGuid(), Now, "contact@brocante.fr"));
        await Eventually.TrueAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<notification::OrderPlatform.Notification.Messages.SellerContact>("brocante-443061841") is not null;
        }, Patience, "the seller's contact to be known");

        // Told twice, before the buyer is known: once the sign-up arrives, one e-mail to each.
        await bus.PublishTwiceAsync(new SellerLinesLate(orderId, "CMD-42", buyerId, "brocante-443061841",
            [new LateLineNotice("3", "Bol", 1, Now.AddDays(-1))], Now));
        await bus.Publish(new CustomerRegistered(buyerId, "C100002", "paul@exemple.fr", "Paul", null, false));
        await Eventually.TrueAsync(async () => (await QueuedToAsync("paul@exemple.fr")).Count > 0, Patience, "the buyer to be told");
        await Task.Delay(1000); // any second copy is consumed

        Assert.Equal("seller-late-buyer", Assert.Single(await QueuedToAsync("paul@exemple.fr")).Template);
        var toSeller = Assert.Single(await QueuedToAsync("contact@brocante.fr"));
        Assert.Equal("seller-late-seller", toSeller.Template);
        Assert.Contains("« Bol »", toSeller.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_tells_its_seller_once_after_the_certification_and_its_reporter_of_each_step_once_MP_11_ALL_04()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var (reportId, orderId, reporterId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        const string SellerId = "verrerie-552100554";
        await bus.Publish(new CustomerRegistered(reporterId, "C100003", "ines@exemple.fr", "Inès", null, false));

        // Opened (told twice) before the seller's certification: it waits, then goes to the seller once.
        await bus.PublishTwiceAsync(new ReportChanged(reportId, "order-problem", "open", "seller", reporterId, SellerId, orderId, "CMD-77", Now.AddHours(48), 1, Now));
        await Eventually.HoldsAsync(async () => (await QueuedToAsync("contact@verrerie.fr")).Count == 0, TimeSpan.FromSeconds(1),
            "nothing to the seller before its certification");
        await bus.Publish(new SellerCertified(SellerId, "Verrerie", Guid.NewGuid(), Guid.NewGuid(), Now, "contact@verrerie.fr"));
        await Eventually.TrueAsync(async () => (await QueuedToAsync("contact@verrerie.fr")).Count > 0, Patience, "the seller to be told");

        // Answered, then escalated and closed: the reporter is told of each once, however often told.
        await bus.PublishTwiceAsync(new ReportChanged(reportId, "order-problem", "answered", "seller", reporterId, SellerId, orderId, "CMD-77", null, 2, Now));
        await bus.PublishTwiceAsync(new ReportChanged(reportId, "order-problem", "closed", "seller", reporterId, SellerId, orderId, "CMD-77", null, 3, Now));
        await Eventually.TrueAsync(async () => (await QueuedToAsync("ines@exemple.fr")).Count >= 2, Patience, "the reporter to be told");
        await Task.Delay(1000); // any second copy is consumed

        Assert.Equal("report-seller", Assert.Single(await QueuedToAsync("contact@verrerie.fr")).Template);
        Assert.Equal(2, (await QueuedToAsync("ines@exemple.fr")).Count);
    }

    private async Task<IReadOnlyList<notification::OrderPlatform.Notification.Messages.OutgoingMessage>> QueuedToAsync(string address)
    {
        await using var session = Store.QuerySession();
        var queued = await session.Query<QueuedMessage>().ToListAsync();
        return queued.Select(message => message.Message).Where(message => message.To == address).ToList();
    }
}
