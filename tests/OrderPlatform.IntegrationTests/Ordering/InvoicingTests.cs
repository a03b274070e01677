extern alias ordering;

using OrderPlatform.Shops;
using OrderPlatform.Shops.Documents;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using ordering::OrderPlatform.Ordering;
using ordering::OrderPlatform.Ordering.Domain;
using ordering::OrderPlatform.Ordering.Features.Invoices;
using ordering::OrderPlatform.Ordering.Features.OrderProcess;
using UglyToad.PdfPig;

namespace OrderPlatform.IntegrationTests.Ordering;

/// <summary>
/// Invoices on real PostgreSQL and RabbitMQ (japan-import: one per shipment, JI-10): numbers unique,
/// gapless and chronological even when many are issued at once; refunds make credit notes [FR-30].
/// </summary>
public sealed class InvoicingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly OrderPolicy Policy = OrderingProfile.For(ShopProfiles.Load("japan-import"));
    private static readonly Seller Seller = new("Import Japon Démo", "SARL", "8 000 €", "5 rue de Tokyo, 69002 Lyon", "111 222 333 00044", "RCS Lyon 111 222 333",
        "FR99111222333", "contact@exemple.fr");

    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("invoicing")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("invoicing")),
            bus =>
            {
                bus.AddOrderProcess();
                bus.AddInvoicing();
            },
            OrderingStorage.Configure,
            services => services.AddSingleton(Policy).AddSingleton(Seller).AddSingleton(DocumentFonts.From(null)).AddSingleton<InvoiceIssuer>());
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Shipments_delivered_twice_invoice_once_each_with_gapless_numbers_and_a_refund_makes_a_credit_note_FR_30_JI_10()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orders = new List<OrderPlaced>();
        for (var i = 0; i < 8; i++)
        {
            orders.Add(await PlaceAsync());
        }

        // Every order ships at once, each shipment told twice: eight invoices, numbered 1 to 8 with no gap and no repeat.
        await Task.WhenAll(orders.Select(order => bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(),
            [new ShippedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow, "la-poste", "6A0001", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A0001"))));
        var invoices = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            var all = await session.Query<Invoice>().OrderBy(invoice => invoice.IssuedAt).ToListAsync();
            return all.Count >= orders.Count ? all : null;
        }, Patience, "every shipment to be invoiced");
        await Task.Delay(500);

        var year = DateTimeOffset.UtcNow.Year;
        Assert.Equal(Enumerable.Range(1, orders.Count).Select(n => Invoice.NumberFor(Invoice.InvoiceKind, year, n)),
            invoices.Select(invoice => invoice.Number).Order(StringComparer.Ordinal));
        Assert.Equal(invoices.Select(invoice => invoice.Number), invoices.OrderBy(invoice => invoice.Number, StringComparer.Ordinal).Select(i => i.Number));
        Assert.All(invoices, invoice => Assert.Equal(5990 + 1290, invoice.TotalCents)); // the line and the shipping fee, once

        var refunded = orders[0];
        await bus.PublishTwiceAsync(new PaymentRefunded(refunded.OrderId, 5990, DateTimeOffset.UtcNow));
        var creditNote = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.Query<Invoice>().SingleOrDefaultAsync(invoice => invoice.Kind == Invoice.CreditNoteKind);
        }, Patience, "the refund's credit note");

        Assert.Equal(Invoice.NumberFor(Invoice.CreditNoteKind, year, 1), creditNote.Number);
        Assert.Equal(invoices.Single(invoice => invoice.OrderId == refunded.OrderId).Number, creditNote.RefersTo);
        var order = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<Order>(refunded.OrderId) is { Invoices.Count: 2 } both ? both : null;
        }, Patience, "the order to list its invoice and credit note");
        var issued = await IssuedPdfAsync(creditNote.Number);
        using var pdf = PdfDocument.Open(issued);
        Assert.Contains(creditNote.Number, string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text)), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Shipped, order.Status);
    }

    [Fact]
    public async Task Two_shipments_of_one_order_invoiced_at_once_charge_the_shipping_fee_once_FR_26_FR_30()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orders = new List<OrderPlaced>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(await PlaceAsync());
        }

        // Each order's two parcels reach invoicing together.
        await Task.WhenAll(orders.SelectMany(order => Enumerable.Range(0, 2).Select(_ => bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(),
            [new ShippedLine("1", "ROBE-ETE-38", 1)], DateTimeOffset.UtcNow, "la-poste", "6A0002", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A0002")))));
        var ids = orders.Select(order => order.OrderId).ToList();
        var invoices = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            var all = await session.Query<Invoice>().Where(invoice => ids.Contains(invoice.OrderId) && invoice.Kind == Invoice.InvoiceKind).ToListAsync();
            return all.Count >= 2 * orders.Count ? all : null;
        }, Patience, "both shipments of every order to be invoiced");

        Assert.All(invoices.GroupBy(invoice => invoice.OrderId), both =>
            Assert.Equal([5990, 5990 + 1290], both.Select(invoice => invoice.TotalCents).Order()));
    }

    private async Task<byte[]> IssuedPdfAsync(string number)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.QueryRawEventDataOnly<InvoiceIssued>().Where(issued => issued.InvoiceNumber == number).ToListAsync();
        return Assert.Single(events).Pdf;
    }

    private Task<OrderPlaced> PlaceAsync() => PlacedOrders.PlaceAsync(Store, Policy);

}
