extern alias payment;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment.Prepaid;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>The marketplace takes gift cards, charged at confirmation [MP-07].</summary>
public sealed class GiftCardTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private PaymentServiceHost host = null!;

    public async Task InitializeAsync() => host = await PaymentServiceHost.StartAsync("marketplace", "giftcard");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_gift_card_pays_an_order_it_covers_keeps_the_rest_and_refuses_one_it_does_not_MP_07()
    {
        var prepaid = host.Service.Services.GetRequiredService<PrepaidProvider>();
        await prepaid.CreditAsync(PrepaidAccount.GiftCardOf("cadeau-1"), PrepaidAccount.GiftCard, null, 10_000, DateTimeOffset.UtcNow.AddYears(1), "issued",
            "gift-CADEAU-1", default);
        var bus = host.Service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);

        var covered = Order(6000, "CADEAU-1");
        var tooBig = Order(6000, "CADEAU-1");
        await bus.PublishTwiceAsync(covered);
        var paid = await PaymentAsync(covered.OrderId, payment => payment.Status == OrderPayment.Authorized, "the gift card to hold the amount");
        await bus.PublishTwiceAsync(Confirmed(covered));
        await PaymentAsync(covered.OrderId, payment => payment.CapturedCents == 6000, "the capture at confirmation");
        await bus.PublishTwiceAsync(tooBig);
        var refused = await PaymentAsync(tooBig.OrderId, payment => payment.Status == OrderPayment.Refused, "the second order to be refused");

        Assert.Equal(6000, paid.AuthorizedCents);
        Assert.Equal("gift-card-insufficient", refused.DeclineCode);
        Assert.Equal(4000, await prepaid.BalanceAsync(PrepaidAccount.GiftCardOf("CADEAU-1"), default));
    }

    private static OrderPlaced Order(long total, string code) => new(Guid.NewGuid(), "CMD-GIFT", Guid.NewGuid(), [new OrderedLine("1", "A", 1, total)],
        DateTimeOffset.UtcNow, new OrderAmounts(total, 0, 0, total), new OrderDelivery("la-poste", "home"), null, null,
        new Contracts.OrderPayment("gift-card", GiftCardCode: code));

    private static OrderConfirmed Confirmed(OrderPlaced order) => new(order.OrderId, order.OrderNumber, order.CustomerId, order.Lines, order.Amounts!,
        order.Delivery!, new PostalAddress(null, null, "1 rue", null, "75001", "Paris", "FR", null), new PostalAddress(null, null, "1 rue", null, "75001",
            "Paris", "FR", null), "gift-card", false, DateTimeOffset.UtcNow);

    private async Task<OrderPayment> PaymentAsync(Guid orderId, Func<OrderPayment, bool> condition, string what) =>
        await Eventually.GetAsync(async () =>
        {
            await using var session = host.Service.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<OrderPayment>(orderId) is { } payment && condition(payment) ? payment : null;
        }, Patience, what);
}
