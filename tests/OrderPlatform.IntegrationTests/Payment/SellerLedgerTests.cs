extern alias payment;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults.Messaging;
using payment::OrderPlatform.Payment;
using payment::OrderPlatform.Payment.Domain;
using payment::OrderPlatform.Payment.Features.Sellers;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>
/// The sellers' ledger on real PostgreSQL and RabbitMQ: a shipment told twice, before its payment is known, credits each seller once; a refund
/// told twice takes back once [MP-06, MP-10, ALL-04].
/// </summary>
public sealed class SellerLedgerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync() =>
        service = await TestService.StartConsumingAsync("sellerledger",
            bus =>
            {
                bus.AddConsumer<SellerSalesOnShipment>();
                bus.AddConsumer<SellerRefundsOnRequest>();
            },
            PaymentStorage.Configure,
            services =>
            {
                services.AddSingleton<SellerCommissions>();
                services.Configure<EarlyMessageOptions>(options => options.ScanInterval = TimeSpan.FromMilliseconds(200));
            });

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_shipment_told_twice_and_early_credits_each_seller_once_and_a_refund_told_twice_takes_back_once_MP_06_MP_10_ALL_04()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var orderId = Guid.NewGuid();
        var shipmentId = Guid.NewGuid();
        await bus.PublishTwiceAsync(new OrderShipped(orderId, shipmentId, [new("1", "TABLIER", 1), new("2", "BOL", 1)], Now));
        await Task.Delay(1000);
        Assert.Empty(await EntriesAsync(orderId)); // parked: the payment is not known yet

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<payment::OrderPlatform.Payment.Domain.Payment>(orderId, new PaymentRequested(orderId, "CMD-9", Guid.NewGuid(),
                [new OrderedLine("1", "TABLIER", 1, 4500, 0, "Tablier", "atelier"), new OrderedLine("2", "BOL", 1, 3200, 0, "Bol", "brocante")], 0, 7700, "card",
                "tok", Now));
            await session.SaveChangesAsync();
        }

        await Eventually.TrueAsync(async () => (await EntriesAsync(orderId)).Count == 2, Patience, "both sellers to be credited");
        await bus.PublishTwiceAsync(new RefundRequested(orderId, "return-1", 3200, RefundRequested.Original, "return", [new("2", "BOL", 1)]));
        await Eventually.TrueAsync(async () => (await EntriesAsync(orderId)).Count == 3, Patience, "the refund to be taken back");
        await Task.Delay(1000); // any second copy is consumed

        var entries = await EntriesAsync(orderId);
        Assert.Equal(3, entries.Count);
        Assert.Equal(4500 - 675, SellerLedger.Balance("atelier", entries.Where(entry => entry.SellerId == "atelier")).BalanceCents);
        Assert.Equal(0, SellerLedger.Balance("brocante", entries.Where(entry => entry.SellerId == "brocante")).BalanceCents);
    }

    private async Task<IReadOnlyList<SellerLedgerEntry>> EntriesAsync(Guid orderId)
    {
        await using var session = Store.QuerySession();
        return await session.Query<SellerLedgerEntry>().Where(entry => entry.OrderId == orderId).ToListAsync();
    }
}
