using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// The customer changed the order before hand-off [JI-06]: the payment takes the new lines and total; what was charged beyond the
/// new total goes back to the methods that paid, once per change. A change told before the payment exists is retried.
/// </summary>
public sealed class SettleOnModification(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, ILogger<SettleOnModification> logger)
    : IdempotentConsumer<OrderModified>(store, time, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task HandleAsync(OrderModified message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        var payment = stream.Aggregate ?? throw new MessageArrivedEarlyException($"order {message.OrderId}'s payment");
        if (payment.TermsChanges >= message.Sequence)
        {
            return;
        }

        stream.AppendOne(new TermsChanged(message.Sequence, message.Lines, message.Amounts.ShippingFeeCents, message.Amounts.TotalCents, time.GetUtcNow()));
        if (payment.CapturedCents - payment.RefundedCents - message.Amounts.TotalCents is > 0 and var overpaid && payment.PspPaymentId is not null)
        {
            await settlement.RefundToPayersAsync(stream, overpaid, $"refund-modification-{message.OrderId:N}-{message.Sequence}", RefundRequested.Original,
                cancellationToken, $"modification-{message.Sequence}");
        }
    }
}
