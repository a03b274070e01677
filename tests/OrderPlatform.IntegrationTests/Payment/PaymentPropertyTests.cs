extern alias payment;
extern alias sandboxes;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment.Domain;
using payment::OrderPlatform.Payment.Features.Payments;
using sandboxes::OrderPlatform.Sandboxes.Psp;
using Xunit.Abstractions;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>
/// Hundreds of random order lives through Payment and the sandbox PSP, on real PostgreSQL and RabbitMQ:
/// partial shipments, missing lines, cancellations (refunded when charged at order), then claims and returns
/// of shipped units, some asked for twice (a second claim on a unit, a claim and a return of it), every message
/// delivered twice, PSP errors and lost answers injected. After them all, for every order: captured − refunded
/// = value shipped less the units given back (each at most once), captured ≤ authorised, refunded ≤ captured,
/// our ledger equals the PSP's to the cent, and on the marketplace each seller gives back exactly the refunds of
/// its own lines [FR-26, FR-07, ALL-01, ALL-02, MP-10].
/// </summary>
public abstract class PaymentPropertyTests(string preset, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orders = 120;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private PaymentServiceHost host = null!;

    private PspLedger Ledger => host.Ledger;

    private TestService Service => host.Service;

    public async Task InitializeAsync() => host = await PaymentServiceHost.StartAsync(preset, "payprop");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Random_order_lives_keep_every_amount_right_and_both_ledgers_equal()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed} (set it in Life.Generate to replay)");
        var random = new Random(seed);
        var lives = Enumerable.Range(0, Orders)
            .Select(_ => Life.Generate(random, Ledger.Tokenise("card", PspCards.For("4242424242424242"), "4242").Token, preset == "marketplace"))
            .ToList();
        var bus = Service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        // The phases of an order's life, as the other services publish them: placed, then confirmed, then shipped or cancelled.
        await Task.WhenAll(lives.Select(life => bus.PublishTwiceAsync(life.Placed)));
        await AllAsync(lives, payment => payment.Status != OrderPayment.Requested, "every order to be authorised");
        await Task.WhenAll(lives.Select(life => bus.PublishTwiceAsync(life.Confirmed)));
        await AllAsync(lives, payment => payment.Deliverable is not null, "every confirmation to be recorded");
        var faults = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                Ledger.Script(new PspFault(i % 3 == 0 ? "timeout" : "error", 1 + (i % 2)));
                await Task.Delay(300);
            }
        });
        // Payment's own consumers of each: the sellers' ledger consumes OrderShipped too, on its own queue.
        var (shipped, missing, cancelled) = (ConsumedMessages<OrderShipped>.By<CaptureOnShipment>(), new ConsumedMessages<LinesFoundMissing>(),
            new ConsumedMessages<OrderCancelled>());
        using (bus.ConnectConsumeObserver(shipped))
        using (bus.ConnectConsumeObserver(missing))
        using (bus.ConnectConsumeObserver(cancelled))
        {
            await Task.WhenAll(lives.Select(life => Task.WhenAll(life.Afterwards.Select(message => bus.PublishTwiceAsync(message)))));
            await faults;
            // A payment charged at order is closed before its cancellation arrives: wait for every delivery, not for a status.
            var deliveries = 2 * lives.Sum(life => life.Afterwards.Count);
            await Eventually.TrueAsync(() => Task.FromResult(shipped.Count + missing.Count + cancelled.Count >= deliveries), Patience,
                "every shipment, missing line and cancellation to be consumed twice");
        }

        await AllAsync(lives, payment => payment.Status == OrderPayment.Closed, "every payment to be settled");

        // Then the customers send units back and claim about others, some twice over: each unit is given back once at most.
        var refunds = ConsumedMessages<RefundRequested>.By<RefundOnRequest>();
        using (bus.ConnectConsumeObserver(refunds))
        {
            await Task.WhenAll(lives.SelectMany(life => life.Refunds).Select(refund => bus.PublishTwiceAsync(refund)));
            var asked = 2 * lives.Sum(life => life.Refunds.Count);
            await Eventually.TrueAsync(() => Task.FromResult(refunds.Count >= asked), Patience, "every claim and return refund to be consumed twice");
        }

        var settled = await AllAsync(lives, _ => true, "the payments");
        await using var ledgerSession = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var sellerRefunds = await ledgerSession.Query<SellerLedgerEntry>().Where(entry => entry.Kind == SellerLedgerEntry.Refund).ToListAsync();

        foreach (var life in lives)
        {
            var ours = settled[life.Placed.OrderId];
            var theirs = Assert.Single(Ledger.Payments(life.Placed.OrderId.ToString()));
            var why = $"order {life.Placed.OrderId} ({life})";
            Assert.True(ours.CapturedCents == life.ExpectedCaptured(preset), $"{why}: captured {ours.CapturedCents}, expected {life.ExpectedCaptured(preset)}");
            Assert.True(ours.CapturedCents <= ours.AuthorizedCents, $"{why}: captured more than authorised");
            Assert.True(ours.RefundedCents <= ours.CapturedCents, $"{why}: refunded more than captured");
            Assert.True(ours.RefundedCents == life.ExpectedRefunded(preset) + life.UnitsGivenBack,
                $"{why}: refunded {ours.RefundedCents}, expected {life.ExpectedRefunded(preset)} + {life.UnitsGivenBack} for units given back");
            Assert.True(ours.CapturedCents - ours.RefundedCents == life.ShippedValue - life.UnitsGivenBack,
                $"{why}: kept {ours.CapturedCents - ours.RefundedCents}, shipped {life.ShippedValue} less {life.UnitsGivenBack} given back [ALL-01, ALL-02]");
            foreach (var seller in life.Placed.Lines.Select(line => line.SellerId).OfType<string>().Distinct())
            {
                var givenBack = -sellerRefunds.Where(entry => entry.OrderId == life.Placed.OrderId && entry.SellerId == seller).Sum(entry => entry.AmountCents);
                Assert.True(givenBack == life.GivenBackBy(seller), $"{why}: seller {seller} gave back {givenBack}, its lines' refunds were {life.GivenBackBy(seller)} [MP-10]");
            }

            Assert.True((ours.CapturedCents, ours.RefundedCents, ours.AuthorizedCents - ours.VoidedCents)
                        == (theirs.CapturedCents, theirs.RefundedCents, theirs.AuthorizedCents), $"{why}: our ledger differs from the PSP's");
        }
    }

    private async Task<Dictionary<Guid, OrderPayment>> AllAsync(List<Life> lives, Func<OrderPayment, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var payments = (await session.LoadManyAsync<OrderPayment>(lives.Select(life => life.Placed.OrderId))).ToDictionary(payment => payment.Id);
            return payments.Count == lives.Count && payments.Values.All(condition) ? payments : null;
        }, Patience, what);


    /// <summary>One order's random life: its lines, which were deliverable, what shipped in which parts, what went missing, or a cancellation.</summary>
    private sealed record Life(OrderPlaced Placed, OrderConfirmed Confirmed, IReadOnlyList<object> Afterwards, bool Cancelled)
    {
        /// <summary>Claims and returns of single shipped units, some of a unit already given back (a second claim, a claim and a return).</summary>
        public IReadOnlyList<RefundRequested> Refunds { get; init; } = [];

        public static Life Generate(Random random, string token, bool marketplace)
        {
            var orderId = Guid.NewGuid();
            var lines = Enumerable.Range(1, random.Next(1, 5)).Select(n => new OrderedLine(n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"SKU-{n}", random.Next(1, 4), random.Next(500, 9000), 0, SellerId: marketplace ? (random.Next(0, 2) == 0 ? "atelier" : "brocante") : null))
                .ToList();
            // A discount shared among the lines, so partial shipments must charge exactly their share.
            var discount = random.Next(0, 3) == 0 ? lines.Sum(line => line.AmountCents) / 10 : 0;
            var shares = Share(discount, lines.Select(line => line.AmountCents).ToList());
            lines = lines.Select((line, i) => line with { DiscountCents = shares[i] }).ToList();
            var fee = random.Next(0, 2) == 0 ? 0 : 490;
            var total = lines.Sum(line => line.AmountCents) + fee;
            var placed = new OrderPlaced(orderId, "CMD-PROP", Guid.NewGuid(), lines, DateTimeOffset.UtcNow, new OrderAmounts(total - fee + discount, fee, discount, total),
                new OrderDelivery("la-poste", "home"), null, null, new Contracts.OrderPayment("card", token));
            // Some lines were out of stock at reservation: never shipped, never charged.
            var deliverable = lines.Where((_, i) => i == 0 || random.Next(0, 5) > 0).ToList();
            var confirmedTotal = deliverable.Sum(line => line.AmountCents) + fee;
            var confirmed = new OrderConfirmed(orderId, "CMD-PROP", placed.CustomerId, deliverable,
                new OrderAmounts(deliverable.Sum(l => l.UnitPriceCents * l.Quantity), fee, deliverable.Sum(l => l.DiscountCents), confirmedTotal),
                new OrderDelivery("la-poste", "home"), new PostalAddress(null, null, "1 rue", null, "75001", "Paris", "FR", null),
                new PostalAddress(null, null, "1 rue", null, "75001", "Paris", "FR", null), "card", false, DateTimeOffset.UtcNow);
            if (random.Next(0, 6) == 0)
            {
                return new Life(placed, confirmed, [new OrderCancelled(orderId, DateTimeOffset.UtcNow, "customer")], Cancelled: true);
            }

            var afterwards = new List<object>();
            var missing = new List<ShippedLine>();
            foreach (var line in deliverable)
            {
                if (random.Next(0, 6) == 0)
                {
                    missing.Add(new ShippedLine(line.LineId, line.Sku, line.Quantity));
                    continue;
                }

                // Shipped whole, or in parts across shipments.
                var left = line.Quantity;
                while (left > 0)
                {
                    var part = random.Next(1, left + 1);
                    afterwards.Add(new OrderShipped(orderId, Guid.NewGuid(), [new ShippedLine(line.LineId, line.Sku, part)], DateTimeOffset.UtcNow));
                    left -= part;
                }
            }

            if (missing.Count > 0)
            {
                afterwards.Add(new LinesFoundMissing(orderId, missing));
            }

            // For some shipped lines, a refund per unit asked for, up to one more than shipped: the extra ones must give nothing.
            var refunds = afterwards.OfType<OrderShipped>().SelectMany(shipped => shipped.Lines).GroupBy(line => line.LineId)
                .Where(_ => random.Next(0, 3) == 0)
                .SelectMany(group => Enumerable.Range(0, random.Next(1, group.Sum(line => line.Quantity) + 2)).Select(_ =>
                    new RefundRequested(orderId, $"claim-{Guid.NewGuid():N}", lines.Single(line => line.LineId == group.Key).AmountForCents(1),
                        RefundRequested.Original, "claim:defective", [new ShippedLine(group.Key, $"SKU-{group.Key}", 1)])))
                .ToList();
            return new Life(placed, confirmed, afterwards, Cancelled: false) { Refunds = refunds };
        }

        /// <summary>What the unit refunds give back, line by line: each shipped unit once, each at its share of the line's amount.</summary>
        public long UnitsGivenBack => Placed.Lines.Sum(line => GivenBackFor(line));

        public long GivenBackBy(string sellerId) => Placed.Lines.Where(line => line.SellerId == sellerId).Sum(line => GivenBackFor(line));

        private long GivenBackFor(OrderedLine line)
        {
            var shipped = Afterwards.OfType<OrderShipped>().SelectMany(sent => sent.Lines).Where(sent => sent.LineId == line.LineId).Sum(sent => sent.Quantity);
            var units = Math.Min(shipped, Refunds.Count(refund => refund.ForLines![0].LineId == line.LineId));
            return Enumerable.Range(0, units).Sum(i => Math.Min(line.AmountForCents(1), line.AmountForCents(i + 1) - line.AmountForCents(i)));
        }

        public long ShippedValue => Afterwards.OfType<OrderShipped>().Any()
            ? Afterwards.OfType<OrderShipped>().SelectMany(shipped => shipped.Lines).GroupBy(line => line.LineId)
                  .Sum(group => Placed.Lines.Single(line => line.LineId == group.Key).AmountForCents(group.Sum(line => line.Quantity)))
              + Placed.Amounts!.ShippingFeeCents
            : 0;

        public long ExpectedCaptured(string preset) => preset == "fashion-retail" ? ShippedValue : Confirmed.Amounts.TotalCents;

        /// <summary>Charged at order: everything back when cancelled, else what never shipped, so that captured − refunded = value shipped [ALL-01].</summary>
        public long ExpectedRefunded(string preset) => preset == "fashion-retail" ? 0 : ExpectedCaptured(preset) - ShippedValue;

        public override string ToString() =>
            $"{Placed.Lines.Count} lines, {Confirmed.Lines.Count} deliverable, {Afterwards.Count} messages after, {Refunds.Count} unit refunds, cancelled: {Cancelled}";

        private static List<long> Share(long discount, List<long> amounts)
        {
            var total = amounts.Sum();
            var shares = amounts.Select(amount => total == 0 ? 0 : discount * amount / total).ToList();
            shares[^1] += discount - shares.Sum();
            return shares;
        }
    }
}

/// <summary>The property tests load the machine: they run alone, after the classes that run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTests
{
    public const string Name = "load";
}

/// <summary>Fashion-retail: charged at shipment, exactly what shipped.</summary>
[Collection(LoadTests.Name)]
public sealed class PaymentPropertyOnShipmentTests(ITestOutputHelper output) : PaymentPropertyTests("fashion-retail", output);

/// <summary>Japan-import: charged at confirmation, refunded when cancelled.</summary>
[Collection(LoadTests.Name)]
public sealed class PaymentPropertyOnOrderTests(ITestOutputHelper output) : PaymentPropertyTests("japan-import", output);

/// <summary>The marketplace: charged at order, each line a seller's, whose ledger gives back its own lines' refunds only [MP-10].</summary>
[Collection(LoadTests.Name)]
public sealed class PaymentPropertyMarketplaceTests(ITestOutputHelper output) : PaymentPropertyTests("marketplace", output);
