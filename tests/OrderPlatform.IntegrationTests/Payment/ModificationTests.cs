extern alias payment;
extern alias sandboxes;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment.Features.Payments;
using sandboxes::OrderPlatform.Sandboxes.Psp;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>
/// Japan-import charges at order and lets the customer change the order before hand-off [JI-06]: the payment ends at the new total
/// whether the change comes before or after the charge, told twice or ahead of the order itself.
/// </summary>
public sealed class ModificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private PaymentServiceHost host = null!;

    public async Task InitializeAsync() => host = await PaymentServiceHost.StartAsync("japan-import", "payment-change");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_change_after_the_charge_told_twice_gives_the_difference_back_once_JI_06_ALL_04()
    {
        var (placed, confirmed, modified) = Order();
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(placed);
        await PaymentAsync(placed.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");
        await bus.PublishTwiceAsync(confirmed);
        await PaymentAsync(placed.OrderId, payment => payment.CapturedCents == placed.Amounts!.TotalCents, "the charge at order");

        await bus.PublishTwiceAsync(modified);

        var settled = await PaymentAsync(placed.OrderId, payment => payment.RefundedCents > 0, "the difference given back");
        await Task.Delay(1000);
        Assert.Equal(placed.Amounts!.TotalCents - modified.Amounts.TotalCents, (await PaymentAsync(placed.OrderId, _ => true, "the payment")).RefundedCents);
        var ledger = Assert.Single(host.Ledger.Payments(placed.OrderId.ToString()));
        Assert.Equal(settled.RefundedCents, ledger.RefundedCents);
    }

    [Fact]
    public async Task A_change_told_before_the_order_and_the_charge_is_waited_for_and_only_the_new_total_is_taken_JI_06()
    {
        var (placed, confirmed, modified) = Order();
        var bus = await BusAsync();

        await bus.Publish(modified);
        await Task.Delay(1000); // no payment yet: retried
        await bus.Publish(placed);
        await PaymentAsync(placed.OrderId, payment => payment.TermsChanges == 1, "the change recorded once the payment exists");
        await bus.Publish(confirmed);

        var charged = await PaymentAsync(placed.OrderId, payment => payment.CapturedCents > 0, "the charge at order");
        Assert.Equal((modified.Amounts.TotalCents, 0L), (charged.CapturedCents, charged.RefundedCents));

        // What the change left authorised is released at once: nothing lapses, nothing is renewed, nothing can freeze the paid order.
        var closed = await PaymentAsync(placed.OrderId, payment => payment.Status == OrderPayment.Closed, "the leftover released");
        Assert.Equal(placed.Amounts!.TotalCents - modified.Amounts.TotalCents, closed.VoidedCents);
        var (store, settlement) = (host.Service.Services.GetRequiredService<IDocumentStore>(), host.Service.Services.GetRequiredService<PaymentSettlement>());
        Assert.Equal(0, await AuthorisationRenewalScan.RenewLapsingAsync(store, settlement, DateTimeOffset.UtcNow.AddDays(40), TimeSpan.FromDays(1), default));
        Assert.Equal(modified.Amounts.TotalCents, Assert.Single(host.Ledger.Payments(placed.OrderId.ToString())).AuthorizedCents); // the PSP holds no more
    }

    private (OrderPlaced Placed, OrderConfirmed Confirmed, OrderModified Modified) Order()
    {
        var orderId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        var home = new PostalAddress("Kenji", "Martin", "4 rue de Rivoli", null, "75004", "Paris", "FR", "0612345678");
        var delivery = new OrderDelivery("la-poste", "home");
        OrderedLine[] lines = [new("1", "BOL-RAKU", 1, 4500), new("2", "FUROSHIKI-COTON", 2, 2400)];
        var amounts = new OrderAmounts(9300, 1290, 0, 10590);
        var token = host.Ledger.Tokenise("card", PspCards.For("4242424242424242"), "4242").Token;
        var placed = new OrderPlaced(orderId, "CMD-CHANGE", customerId, lines, DateTimeOffset.UtcNow, amounts, delivery, home, null,
            new Contracts.OrderPayment("card", token));
        var confirmed = new OrderConfirmed(orderId, "CMD-CHANGE", customerId, lines, amounts, delivery, home, home, "card", false, DateTimeOffset.UtcNow);
        var modified = new OrderModified(orderId, "CMD-CHANGE", 1, [lines[0], lines[1] with { Quantity = 1 }], new OrderAmounts(6900, 1290, 0, 8190),
            delivery, home, [new ShippedLine("2", "FUROSHIKI-COTON", 1)], DateTimeOffset.UtcNow);
        return (placed, confirmed, modified);
    }

    private async Task<IBusControl> BusAsync()
    {
        var bus = host.Service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return bus;
    }

    private async Task<OrderPayment> PaymentAsync(Guid orderId, Func<OrderPayment, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = host.Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<OrderPayment>(orderId) is { } payment && condition(payment) ? payment : null;
        }, Patience, what);
}
