extern alias payment;
extern alias sandboxes;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment.Domain;
using sandboxes::OrderPlatform.Sandboxes.Psp;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>
/// The sellers' ledger on real PostgreSQL and RabbitMQ, with Payment's consumers as the marketplace runs them: a shipment told twice credits each
/// seller once; a refund follows what was given back (told twice, once; for one seller's line, that seller only; capped, the capped amount)
/// [MP-06, MP-10, ALL-02, ALL-04].
/// </summary>
public sealed class SellerLedgerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private PaymentServiceHost host = null!;

    private IDocumentStore Store => host.Service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync() => host = await PaymentServiceHost.StartAsync("marketplace", "sellerledger");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_shipment_told_twice_credits_each_seller_once_and_a_refund_told_twice_takes_back_once_from_its_lines_seller_MP_06_MP_10_ALL_04()
    {
        var (bus, order) = (await BusAsync(), Order());
        await PaidAndShippedAsync(bus, order);
        Assert.Equal(2, (await EntriesAsync(order.OrderId)).Count);

        // The bowl arrived broken: a claim refunds one bowl, and only the bowl's seller gives it back.
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "claim-1", 3200, RefundRequested.Original, "claim:defective", [new("2", "BOL", 1)]));
        await Eventually.TrueAsync(async () => (await EntriesAsync(order.OrderId)).Count == 3, Patience, "the refund to be taken back");
        await Task.Delay(1000); // any second copy is consumed

        var entries = await EntriesAsync(order.OrderId);
        Assert.Equal(3, entries.Count);
        Assert.Equal(4500 - 675, SellerLedger.Balance("atelier", entries.Where(entry => entry.SellerId == "atelier")).BalanceCents);
        Assert.Equal(0, SellerLedger.Balance("brocante", entries.Where(entry => entry.SellerId == "brocante")).BalanceCents);
    }

    [Fact]
    public async Task The_ledger_follows_the_refund_made_a_unit_refunded_twice_is_taken_back_once_and_a_capped_refund_at_its_cap_MP_10_ALL_02()
    {
        var (bus, order) = (await BusAsync(), Order());
        await PaidAndShippedAsync(bus, order);

        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "return-1", 3200, RefundRequested.Original, "return", [new("2", "BOL", 1)]));
        await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 3200, "the return's refund");
        // The same bowl claimed again: nothing is left to give back for it.
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "claim-2", 3200, RefundRequested.Original, "claim:defective", [new("2", "BOL", 1)]));
        // The apron refunded for more than is left: the refund and the ledger both stop at what was captured and not yet refunded.
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "claim-3", 9000, RefundRequested.Original, "claim:missing", [new("1", "TABLIER", 1)]));
        var settled = await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 7700, "the apron's refund");
        await Task.Delay(1000);

        var entries = await EntriesAsync(order.OrderId);
        Assert.Equal(7700, settled.RefundedCents);
        Assert.Equal(-3200, entries.Where(entry => entry is { Kind: SellerLedgerEntry.Refund, SellerId: "brocante" }).Sum(entry => entry.AmountCents));
        Assert.Equal(-4500, entries.Where(entry => entry is { Kind: SellerLedgerEntry.Refund, SellerId: "atelier" }).Sum(entry => entry.AmountCents));
        Assert.Equal(0, SellerLedger.Balance("atelier", entries.Where(entry => entry.SellerId == "atelier")).BalanceCents);
        Assert.Equal(7700, Assert.Single(host.Ledger.Payments(order.OrderId.ToString())).RefundedCents);
    }

    [Fact]
    public async Task A_certification_told_twice_makes_one_seller_Payment_knows_MP_01()
    {
        var bus = await BusAsync();
        var consumed = new ConsumedMessages<SellerCertified>();
        using var observer = bus.ConnectConsumeObserver(consumed);

        await bus.PublishTwiceAsync(new SellerCertified("faience-732829320", "Faïence", Guid.NewGuid(), Guid.NewGuid(), Now));
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count >= 2), Patience, "both copies to be consumed");

        await using var session = Store.QuerySession();
        Assert.Equal("Faïence", Assert.Single(await session.Query<CertifiedSeller>().Where(seller => seller.Id == "faience-732829320").ToListAsync()).Name);
    }

    private async Task<IBusControl> BusAsync()
    {
        var bus = host.Service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return bus;
    }

    /// <summary>An apron from one seller (45.00) and a bowl from another (32.00), all-in prices [MP-02].</summary>
    private OrderPlaced Order() => new(Guid.NewGuid(), "CMD-9", Guid.NewGuid(),
        [new OrderedLine("1", "TABLIER", 1, 4500, 0, "Tablier", "atelier"), new OrderedLine("2", "BOL", 1, 3200, 0, "Bol", "brocante")], Now,
        new OrderAmounts(7700, 0, 0, 7700), new OrderDelivery("la-poste", "home"), null, null,
        new Contracts.OrderPayment("card", host.Ledger.Tokenise("card", PspCards.For("4242424242424242"), "4242").Token));

    /// <summary>Authorised, charged at confirmation (the marketplace), and shipped in one parcel told twice.</summary>
    private async Task PaidAndShippedAsync(IBusControl bus, OrderPlaced order)
    {
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");
        var address = new PostalAddress(null, null, "1 rue", null, "69001", "Lyon", "FR", null);
        await bus.PublishTwiceAsync(new OrderConfirmed(order.OrderId, order.OrderNumber, order.CustomerId, order.Lines, order.Amounts!, order.Delivery!, address,
            address, "card", false, Now));
        await PaymentAsync(order.OrderId, payment => payment.CapturedCents == 7700, "the capture at confirmation");
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new("1", "TABLIER", 1), new("2", "BOL", 1)], Now));
        await PaymentAsync(order.OrderId, payment => payment.Shipped is { Count: 2 }, "the shipment");
        await Eventually.TrueAsync(async () => (await EntriesAsync(order.OrderId)).Count == 2, Patience, "both sellers to be credited");
    }

    private async Task<OrderPayment> PaymentAsync(Guid orderId, Func<OrderPayment, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<OrderPayment>(orderId) is { } payment && condition(payment) ? payment : null;
        }, Patience, what);

    private async Task<IReadOnlyList<SellerLedgerEntry>> EntriesAsync(Guid orderId)
    {
        await using var session = Store.QuerySession();
        return await session.Query<SellerLedgerEntry>().Where(entry => entry.OrderId == orderId).ToListAsync();
    }
}
