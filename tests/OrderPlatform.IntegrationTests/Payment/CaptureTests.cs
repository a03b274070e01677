extern alias payment;
extern alias sandboxes;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment.Features.Payments;
using payment::OrderPlatform.Payment.Prepaid;
using sandboxes::OrderPlatform.Sandboxes.Psp;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>
/// Payment against the sandbox PSP over HTTP, on real PostgreSQL and RabbitMQ (fashion-retail: charged at
/// shipment). Every message is delivered twice; the PSP's own ledger is the referee.
/// </summary>
public sealed class CaptureTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private PaymentServiceHost host = null!;

    private PspLedger Ledger => host.Ledger;

    private TestService Service => host.Service;

    public async Task InitializeAsync() => host = await PaymentServiceHost.StartAsync("fashion-retail", "payment");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Two_lines_shipped_and_one_missing_capture_exactly_the_two_plus_shipping_and_release_the_rest_FR_26_FR_07()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");

        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "A", 1), new ShippedLine("2", "B", 2)], DateTimeOffset.UtcNow));
        await bus.PublishTwiceAsync(new LinesFoundMissing(order.OrderId, [new ShippedLine("3", "C", 1)]));
        var settled = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Closed, "the rest to be released");

        var shipped = 2990 + 2 * 4990 + 490;
        Assert.Equal(shipped, settled.CapturedCents);
        Assert.Equal(order.Amounts!.TotalCents - shipped, settled.VoidedCents);
        var ledger = Assert.Single(Ledger.Payments(order.OrderId.ToString()));
        Assert.Equal(shipped, ledger.CapturedCents); // our ledger equals the PSP's, to the cent
        Assert.Equal(shipped, ledger.AuthorizedCents);
    }

    [Fact]
    public async Task A_lost_answer_or_a_psp_error_is_retried_with_the_same_key_and_never_charges_twice_ALL_01()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");

        Ledger.Script(new PspFault("timeout", 1));
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "A", 1)], DateTimeOffset.UtcNow));
        await PaymentAsync(order.OrderId, payment => payment.CapturedCents > 0, "the first capture");
        Ledger.Script(new PspFault("error", 2));
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("2", "B", 2), new ShippedLine("3", "C", 1)],
            DateTimeOffset.UtcNow));
        var settled = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Closed, "the second capture");

        Assert.Equal(order.Amounts!.TotalCents, settled.CapturedCents);
        var ledger = Assert.Single(Ledger.Payments(order.OrderId.ToString()));
        Assert.Equal(order.Amounts.TotalCents, ledger.CapturedCents);
        Assert.Equal(2, ledger.Movements.Count(movement => movement.Kind == "capture"));
    }

    [Fact]
    public async Task Refunds_go_to_the_card_even_expired_since_or_to_store_credit_once_each_and_never_beyond_what_was_captured_FR_13_FR_19_ALL_02_ALL_04()
    {
        // The test card that expires after the payment: a refund must still reach it.
        var order = Order(Ledger.Tokenise("card", PspCards.For("4000000000000069"), "0069").Token);
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("2", "B", 2)], DateTimeOffset.UtcNow));
        await PaymentAsync(order.OrderId, payment => payment.CapturedCents == 2 * 4990 + 490, "the capture");
        Ledger.ClockOffset = TimeSpan.FromDays(400); // the card has expired since

        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "return-1", 4990, RefundRequested.Original, "retour accepté"));
        await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 4990, "the refund to the card");
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "return-2", 4990, RefundRequested.StoreCredit, "retour accepté"));
        await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 2 * 4990, "the refund to store credit");
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "goodwill", 100_000, RefundRequested.Original, "geste"));
        var refunded = await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 2 * 4990 + 490, "the capped refund");

        var ledger = Assert.Single(Ledger.Payments(order.OrderId.ToString()));
        Assert.Equal(4990 + 490, ledger.RefundedCents); // the card got the first refund and what was left of the third; store credit the second
        Assert.Equal(refunded.CapturedCents, refunded.RefundedCents);
        await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var credit = await session.LoadAsync<PrepaidAccount>(PrepaidAccount.StoreCreditOf(order.CustomerId));
        Assert.Equal(4990, credit!.BalanceCents);
        Ledger.ClockOffset = TimeSpan.Zero;
    }

    [Fact]
    public async Task A_return_refund_that_overtakes_the_shipment_it_gives_back_waits_for_its_capture_then_refunds_once_FR_13_ALL_04()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");

        // The shirts come back before Payment has heard that they shipped (its queue was behind, the PSP failing).
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "return-1", 4990, RefundRequested.Original, "return", [new ShippedLine("2", "B", 1)]));
        await Eventually.HoldsAsync(async () => (await PaymentAsync(order.OrderId, _ => true, "the payment")).RefundedCents == 0, TimeSpan.FromSeconds(2),
            "no refund before the capture it gives back");
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("2", "B", 2)], DateTimeOffset.UtcNow));

        var refunded = await PaymentAsync(order.OrderId, payment => payment.RefundedCents > 0, "the refund once the shirts' capture is in");
        Assert.Equal((2 * 4990 + 490, 4990L), (refunded.CapturedCents, refunded.RefundedCents));
        await Eventually.HoldsAsync(() => Task.FromResult(Assert.Single(Ledger.Payments(order.OrderId.ToString())).RefundedCents == 4990), TimeSpan.FromSeconds(2),
            "the PSP to have refunded once");
    }

    [Fact]
    public async Task Store_credit_pays_first_and_the_card_the_rest_and_a_refund_goes_back_to_both_FR_25()
    {
        var customerId = Guid.NewGuid();
        var prepaid = Service.Services.GetRequiredService<PrepaidProvider>();
        await prepaid.CreditAsync(PrepaidAccount.StoreCreditOf(customerId), PrepaidAccount.StoreCredit, customerId, 2000, null, "geste", "credit-1", default);
        var order = Order(await VisaAsync()) with { CustomerId = customerId };
        order = order with { Payment = order.Payment! with { UseStoreCredit = true } };
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        var authorised = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the split authorisation");
        Assert.Equal((2000L, order.Amounts!.TotalCents), (authorised.CreditAuthorizedCents, authorised.AuthorizedCents));
        Assert.Equal(order.Amounts.TotalCents - 2000, Assert.Single(Ledger.Payments(order.OrderId.ToString())).AuthorizedCents);

        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "A", 1)], DateTimeOffset.UtcNow));
        await PaymentAsync(order.OrderId, payment => payment.CapturedCents == 2990 + 490, "the capture");
        Assert.Equal(2990 + 490 - 2000, Ledger.Payments(order.OrderId.ToString())[0].CapturedCents); // the card paid what the credit did not
        await bus.PublishTwiceAsync(new RefundRequested(order.OrderId, "return-1", 2990 + 490, RefundRequested.Original, "retour"));
        await PaymentAsync(order.OrderId, payment => payment.RefundedCents == 2990 + 490, "the refund");

        Assert.Equal(2990 + 490 - 2000, Ledger.Payments(order.OrderId.ToString())[0].RefundedCents);
        Assert.Equal(2000, await prepaid.BalanceAsync(PrepaidAccount.StoreCreditOf(customerId), default));
    }

    [Fact]
    public async Task An_order_naming_another_customers_store_credit_as_its_token_is_refused_and_takes_nothing_from_it_FR_25()
    {
        // Customer ids are not secrets: a message that reached Payment with one as a token must not spend that customer's credit.
        var victim = Guid.NewGuid();
        var prepaid = Service.Services.GetRequiredService<PrepaidProvider>();
        await prepaid.CreditAsync(PrepaidAccount.StoreCreditOf(victim), PrepaidAccount.StoreCredit, victim, 50_000, null, "geste", "credit-victim", default);
        var byToken = Order(PrepaidAccount.StoreCreditOf(victim));
        var byHoldId = Order("prepaid_" + Guid.NewGuid().ToString("N"));
        var bus = await BusAsync();

        await bus.PublishTwiceAsync(byToken);
        await bus.PublishTwiceAsync(byHoldId);

        Assert.Equal("invalid-payment-token", (await PaymentAsync(byToken.OrderId, payment => payment.Status == OrderPayment.Refused, "the refusal")).DeclineCode);
        Assert.Equal("invalid-payment-token", (await PaymentAsync(byHoldId.OrderId, payment => payment.Status == OrderPayment.Refused, "the refusal")).DeclineCode);
        Assert.Equal(50_000, await prepaid.BalanceAsync(PrepaidAccount.StoreCreditOf(victim), default));
        Assert.Empty(Ledger.Payments(byToken.OrderId.ToString()));
    }

    [Fact]
    public async Task Store_credit_pays_only_its_own_customers_orders_FR_25()
    {
        var owner = Guid.NewGuid();
        var prepaid = Service.Services.GetRequiredService<PrepaidProvider>();
        var account = PrepaidAccount.StoreCreditOf(owner);
        await prepaid.CreditAsync(account, PrepaidAccount.StoreCredit, owner, 50_000, null, "geste", "credit-owner", default);

        var stranger = await prepaid.AuthoriseAsync(account, Guid.NewGuid(), 1000, "order-x", "authorise-x", default);
        var own = await prepaid.AuthoriseAsync(account, owner, 1000, "order-y", "authorise-y", default);

        Assert.Equal("store-credit-insufficient", stranger.DeclineCode); // as for an empty account: nothing says whose it is
        Assert.Null(own.DeclineCode);
        Assert.Equal(49_000, await prepaid.BalanceAsync(account, default));
    }

    [Fact]
    public async Task A_refund_that_gives_nothing_back_is_declined_once_even_told_before_the_order_ALL_07_ALL_04()
    {
        var refused = Order(Ledger.Tokenise("card", PspCards.For("4000000000009995"), "9995").Token);
        var bus = await BusAsync();
        // The refund overtakes the order: it waits for the payment, then is declined (nothing was charged), once.
        await bus.PublishTwiceAsync(new RefundRequested(refused.OrderId, "parcel-returned:1", 2990, RefundRequested.Original, "parcel-returned"));
        await Task.Delay(500);
        await bus.PublishTwiceAsync(refused);
        await PaymentAsync(refused.OrderId, payment => payment.Status == OrderPayment.Refused, "the refusal");

        var declined = await Eventually.GetAsync(async () =>
        {
            await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var events = (await session.Events.FetchStreamAsync(refused.OrderId)).Select(@event => @event.Data).OfType<RefundDeclined>().ToList();
            return events.Count > 0 ? events : null;
        }, Patience, "the refund to be declined");
        await Task.Delay(1000);

        await using var query = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var all = (await query.Events.FetchStreamAsync(refused.OrderId)).Select(@event => @event.Data).OfType<RefundDeclined>().ToList();
        Assert.Equal(RefundDeclined.NothingCharged, Assert.Single(all).Reason);
        Assert.Single(declined);
    }

    [Fact]
    public async Task An_authorisation_that_lapsed_before_shipment_is_renewed_before_capture()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");

        Ledger.ClockOffset = TimeSpan.FromDays(8); // a card authorisation holds about 7 days
        try
        {
            await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "A", 1)], DateTimeOffset.UtcNow));
            var captured = await PaymentAsync(order.OrderId, payment => payment.CapturedCents > 0, "the capture after renewal");
            Assert.Equal(2990 + 490, captured.CapturedCents);
            Assert.Contains(Ledger.Payments(order.OrderId.ToString())[0].Movements, movement => movement.Kind == "reauthorisation");
        }
        finally
        {
            Ledger.ClockOffset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_lapsed_authorisation_whose_renewal_is_refused_is_escalated_and_nothing_is_captured()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");

        Ledger.ClockOffset = TimeSpan.FromDays(8);
        try
        {
            Ledger.Script(new PspFault("refuse", 1)); // the PSP's clock says the authorisation lapsed; the issuer refuses its renewal
            await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "A", 1)], DateTimeOffset.UtcNow));
            var escalated = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Escalated, "the escalation");

            Assert.Equal(0, escalated.CapturedCents);
            Assert.StartsWith("re-authorisation refused", escalated.Escalation, StringComparison.Ordinal);
            Assert.Equal(0, Ledger.Payments(order.OrderId.ToString())[0].CapturedCents);
        }
        finally
        {
            Ledger.ClockOffset = TimeSpan.Zero;
            Ledger.Script(null);
        }
    }

    [Fact]
    public async Task An_escalated_payment_whose_rest_is_found_missing_is_released_and_settled_once_ALL_07()
    {
        var (order, bus) = await EscalatedBeforeShipmentAsync();
        await bus.PublishTwiceAsync(new LinesFoundMissing(order.OrderId, order.Lines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList()));

        var closed = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Closed, "the release");
        await Task.Delay(1000);
        Assert.Equal((0L, order.Amounts!.TotalCents), (closed.CapturedCents, closed.VoidedCents));
        await using var query = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var resolved = (await query.Events.FetchStreamAsync(order.OrderId)).Select(@event => @event.Data).OfType<PaymentEscalationResolved>().ToList();
        Assert.Equal(PaymentEscalationResolved.Released, Assert.Single(resolved).How);
    }

    [Fact]
    public async Task An_authorisation_about_to_lapse_is_renewed_before_the_order_ships()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");
        var (store, settlement) = (Service.Services.GetRequiredService<IDocumentStore>(), Service.Services.GetRequiredService<PaymentSettlement>());

        Assert.Equal(0, await AuthorisationRenewalScan.RenewLapsingAsync(store, settlement, DateTimeOffset.UtcNow.AddDays(5), TimeSpan.FromDays(1), default));
        Assert.Equal(1, await AuthorisationRenewalScan.RenewLapsingAsync(store, settlement, DateTimeOffset.UtcNow.AddDays(6.5), TimeSpan.FromDays(1), default));

        Assert.Contains(Ledger.Payments(order.OrderId.ToString())[0].Movements, movement => movement.Kind == "reauthorisation");
    }

    [Fact]
    public async Task A_refused_renewal_before_shipment_escalates_the_payment_for_ops()
    {
        var (order, _) = await EscalatedBeforeShipmentAsync();

        var escalated = await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Escalated, "the escalation");
        Assert.Equal(0, escalated.CapturedCents);
    }

    /// <summary>An order authorised, whose renewal a day before it lapses the bank refuses: escalated, nothing captured.</summary>
    private async Task<(OrderPlaced Order, IBusControl Bus)> EscalatedBeforeShipmentAsync()
    {
        var order = Order(await VisaAsync());
        var bus = await BusAsync();
        await bus.PublishTwiceAsync(order);
        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Authorized, "the authorisation");
        var (store, settlement) = (Service.Services.GetRequiredService<IDocumentStore>(), Service.Services.GetRequiredService<PaymentSettlement>());
        Ledger.Script(new PspFault("refuse", 1));
        try
        {
            Assert.Equal(1, await AuthorisationRenewalScan.RenewLapsingAsync(store, settlement, DateTimeOffset.UtcNow.AddDays(6.5), TimeSpan.FromDays(1), default));
        }
        finally
        {
            Ledger.Script(null);
        }

        await PaymentAsync(order.OrderId, payment => payment.Status == OrderPayment.Escalated, "the escalation");
        return (order, bus);
    }

    private async Task<IBusControl> BusAsync()
    {
        var bus = Service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return bus;
    }

    private async Task<string> VisaAsync() =>
        Ledger.Tokenise("card", PspCards.For("4242424242424242"), "4242").Token;

    /// <summary>A dress (29.90), two shirts (49.90 each) and a belt (19.90), shipping 4.90.</summary>
    private static OrderPlaced Order(string token) => new(Guid.NewGuid(), "CMD-TEST", Guid.NewGuid(),
        [new OrderedLine("1", "A", 1, 2990), new OrderedLine("2", "B", 2, 4990), new OrderedLine("3", "C", 1, 1990)], DateTimeOffset.UtcNow,
        new OrderAmounts(14960, 490, 0, 15450), new OrderDelivery("la-poste", "home"), null, null, new Contracts.OrderPayment("card", token));

    private async Task<OrderPayment> PaymentAsync(Guid orderId, Func<OrderPayment, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<OrderPayment>(orderId) is { } payment && condition(payment) ? payment : null;
        }, Patience, what);

}
