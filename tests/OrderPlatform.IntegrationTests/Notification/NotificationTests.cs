extern alias notification;
extern alias sandboxes;

using OrderPlatform.Shops;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Shops.Customers;
using notification::OrderPlatform.Notification;
using notification::OrderPlatform.Notification.Delivery;
using notification::OrderPlatform.Notification.Features.OrderNotifications;
using sandboxes::OrderPlatform.Sandboxes.Mail;

namespace OrderPlatform.IntegrationTests.Notification;

/// <summary>
/// Notification on real PostgreSQL and RabbitMQ, sending by SMTP to the Sandboxes' capture server on a free port (japan-import:
/// the invoice travels with the shipment e-mail). Every event is delivered twice.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private SmtpCapture smtp = null!;
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        smtp = new SmtpCapture(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sandboxes:SmtpPort"] = $"{port}" }).Build(),
            TimeProvider.System, NullLogger<SmtpCapture>.Instance);
        await smtp.StartAsync(CancellationToken.None);
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("notification")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("notification")),
            bus =>
            {
                bus.AddCustomerDirectory();
                bus.AddConsumer<OrderPlacedConsumer>();
                bus.AddConsumer<OrderShippedConsumer>();
                bus.AddConsumer<InvoiceIssuedConsumer>();
                bus.AddConsumer<StockBackorderedConsumer>();
                bus.AddConsumer<ParcelReturnedConsumer>();
                bus.AddConsumer<ReturnInspectedConsumer>();
                bus.AddConsumer<ClaimSettledConsumer>();
                bus.AddConsumer<OrderModifiedConsumer>();
            },
            NotificationStorage.Configure,
            services =>
            {
                services.Configure<NotificationOptions>(options =>
                {
                    options.ShopName = "Maison Nippon";
                    options.Smtp.Port = port;
                    options.DispatchInterval = TimeSpan.FromMilliseconds(300);
                    options.RetryDelay = TimeSpan.FromMilliseconds(500);
                    options.MaxRetryDelay = TimeSpan.FromSeconds(2);
                });
                services.AddSingleton(ShopProfiles.Load("japan-import")).AddSingleton<SmtpMailer>().AddHostedService<MessageDispatcher>()
                    .AddSingleton<IForgetCustomer, NotificationCustomerErasure>();
                services.AddHttpClient<SmsSender>();
            });
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await smtp.StopAsync(CancellationToken.None);
        smtp.Dispose();
    }

    [Fact]
    public async Task The_shipment_e_mail_waits_for_its_invoice_and_carries_it_once_JI_10_JI_11_ALL_04()
    {
        var (bus, customer, email) = await CustomerAsync();
        var orderId = Guid.NewGuid();
        var shipmentId = Guid.NewGuid();
        await bus.PublishTwiceAsync(Placed(orderId, customer));

        await bus.PublishTwiceAsync(new OrderShipped(orderId, shipmentId, [new ShippedLine("1", "THEIERE", 1)], DateTimeOffset.UtcNow, "la-poste", "6A123",
            "https://www.laposte.fr/outils/suivre-vos-envois?code=6A123"));
        await Eventually.HoldsAsync(() => Task.FromResult(!smtp.Messages(email).Any()), TimeSpan.FromSeconds(1.5), "no e-mail before the invoice: it waits"); // no invoice yet
        await bus.PublishTwiceAsync(new InvoiceIssued(orderId, "CMD-1", customer, "FA-2026-000001", "invoice", shipmentId, 8900, DateTimeOffset.UtcNow,
            "%PDF-1.4 facture"u8.ToArray()));

        var mail = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages(email).FirstOrDefault()), Patience, "the shipment e-mail");
        Assert.Contains("https://www.laposte.fr/outils/suivre-vos-envois?code=6A123", mail.Text, StringComparison.Ordinal);
        var invoice = Assert.Single(mail.Attachments);
        Assert.Equal(("facture-FA-2026-000001.pdf", "application/pdf"), (invoice.FileName, invoice.ContentType));
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Messages(email).Count() == 1), TimeSpan.FromSeconds(1.5), "one e-mail for each event told twice"); // each event told twice: one e-mail
    }

    [Fact]
    public async Task After_sale_news_told_twice_and_before_the_order_gives_one_e_mail_each_with_its_reason_FR_33_ALL_07_JI_06()
    {
        var (bus, customer, email) = await CustomerAsync();
        var orderId = Guid.NewGuid();
        var shipmentId = Guid.NewGuid();

        // Told before Notification knows the order: each waits for it, then goes once.
        await bus.PublishTwiceAsync(new ParcelReturnedToWarehouse(orderId, shipmentId, DateTimeOffset.UtcNow, ParcelReturnedToWarehouse.Uncollected));
        await bus.PublishTwiceAsync(new ReturnInspected(Guid.NewGuid(), "R-1", orderId, customer, ["1"], ["2"], 4500, DateTimeOffset.UtcNow.AddDays(14),
            DateTimeOffset.UtcNow, [new RefusedReturnLine("2", "Théière en fonte", "rayée, pas dans son emballage")]));
        await Task.Delay(500);
        await bus.PublishTwiceAsync(Placed(orderId, customer));
        await bus.PublishTwiceAsync(new ClaimSettled(Guid.NewGuid(), orderId, "CMD-1", customer, "damaged", ClaimSettled.Refused, 0,
            "Le colis a été livré intact, photo du transporteur à l'appui", DateTimeOffset.UtcNow));
        await bus.PublishTwiceAsync(new OrderModified(orderId, "CMD-1", 1, [new OrderedLine("1", "THEIERE", 1, 8900, ProductName: "Théière en fonte")],
            new OrderAmounts(8900, 1290, 0, 10190), new OrderDelivery("la-poste", "home"),
            new PostalAddress("Kenji", "Martin", "4 rue de Rivoli", null, "75004", "Paris", "FR", null), [], DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(() => Task.FromResult(smtp.Messages(email).Count() >= 4), Patience, "the four e-mails");
        await Task.Delay(1500);
        var mails = smtp.Messages(email).ToList();
        Assert.Equal(4, mails.Count);
        Assert.Contains(mails, mail => mail.Subject.Contains("est modifiée", StringComparison.Ordinal)
                                       && mail.Text!.Contains("Nouveau total : 101,90", StringComparison.Ordinal));
        Assert.Contains(mails, mail => mail.Subject.Contains("est revenu à notre entrepôt", StringComparison.Ordinal)
                                       && mail.Text!.Contains("15 jours", StringComparison.Ordinal));
        Assert.Contains(mails, mail => mail.Text!.Contains("Motif : rayée, pas dans son emballage", StringComparison.Ordinal));
        Assert.Contains(mails, mail => mail.Subject.Contains("est refusée", StringComparison.Ordinal)
                                       && mail.Text!.Contains("Motif : Le colis a été livré intact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_awaiting_restock_is_told_so_JI_09()
    {
        var (bus, customer, email) = await CustomerAsync();
        var orderId = Guid.NewGuid();
        await bus.PublishTwiceAsync(Placed(orderId, customer));

        await bus.PublishTwiceAsync(new StockBackordered(orderId, [new UnavailableLine("1", "THEIERE", 1, 0)]));

        var mail = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages(email).FirstOrDefault()), Patience, "the backorder notice");
        Assert.Contains("réapprovisionnement", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("THEIERE", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_relay_down_messages_wait_then_each_leaves_once_and_an_erased_customer_gets_nothing_more()
    {
        var (bus, customer, email) = await CustomerAsync();
        smtp.Stop();
        var orders = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        foreach (var orderId in orders)
        {
            await bus.PublishTwiceAsync(Placed(orderId, customer));
            await bus.PublishTwiceAsync(new StockBackordered(orderId, [new UnavailableLine("1", "THEIERE", 1, 0)]));
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.Query<NotificationLogEntry>().CountAsync(entry => entry.CustomerId == customer && entry.Status == NotificationLogEntry.Retrying) == 3;
        }, Patience, "three messages to be retrying");
        smtp.Start();

        await Eventually.TrueAsync(() => Task.FromResult(smtp.Messages(email).Count() == 3), Patience, "the three messages once the relay is back");
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Messages(email).Count() == 3), TimeSpan.FromSeconds(1.5), "the three messages, once each");

        await bus.PublishTwiceAsync(new CustomerErased(customer, "C-1", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return (await session.Query<NotificationLogEntry>().Where(entry => entry.CustomerId == customer).ToListAsync()).All(entry => entry.Recipient == "erased");
        }, Patience, "the log to forget the address");
        var later = Guid.NewGuid();
        await bus.PublishTwiceAsync(Placed(later, customer));
        await bus.PublishTwiceAsync(new StockBackordered(later, [new UnavailableLine("1", "THEIERE", 1, 0)]));
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Messages(email).Count() == 3), TimeSpan.FromSeconds(2), "nothing more for an erased customer");
    }

    private async Task<(IBusControl Bus, Guid Customer, string Email)> CustomerAsync()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var customer = Guid.NewGuid();
        var email = $"client-{customer:N}@exemple.fr";
        await bus.PublishTwiceAsync(new CustomerRegistered(customer, "C-1", email, "Aiko", "Tanaka", false));
        await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<KnownCustomer>(customer);
        }, Patience, "the customer to be known");
        return (bus, customer, email);
    }

    private static OrderPlaced Placed(Guid orderId, Guid customer) =>
        new(orderId, "CMD-1", customer, [new OrderedLine("1", "THEIERE", 1, 8900, ProductName: "Théière")], DateTimeOffset.UtcNow);
}
