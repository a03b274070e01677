using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Payment.Features.Sellers;
using OrderPlatform.Payment.Prepaid;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// Refunds what another service asks for: to the method that paid, even a card that has expired since
/// [FR-19], or to the customer's store credit when they chose it [FR-13]; never more than was captured
/// and not yet refunded [ALL-02]. The refund's id keys the PSP call, so a retry refunds once [ALL-04]. A refund that gives nothing
/// back (nothing charged, nothing left) is answered with <see cref="RefundDeclined"/>, so that nobody waits for it.
/// </summary>
public sealed partial class RefundOnRequest(IDocumentStore store, TimeProvider time, PaymentSettlement settlement, PrepaidProvider prepaid,
    SellerRefunds sellerLedger, ILogger<RefundOnRequest> logger) : IdempotentConsumer<RefundRequested>(store, time, logger)
{
    private readonly TimeProvider time = time;
    private readonly ILogger<RefundOnRequest> logger = logger;

    protected override async Task HandleAsync(RefundRequested message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        if (stream.Aggregate is null)
        {
            throw new MessageArrivedEarlyException($"order {message.OrderId}'s payment to be known here");
        }

        if (stream.Aggregate is not { PspPaymentId: not null } payment)
        {
            // Refused or never authorised: nothing to give back, and the one who asked is told so rather than left waiting.
            LogNothingPaid(message.OrderId, message.RefundId);
            stream.AppendOne(new RefundDeclined(message.OrderId, message.RefundId, RefundDeclined.NothingCharged, time.GetUtcNow()));
            return;
        }

        var allowance = PaymentDecisions.Refundable(payment, message)
                        ?? throw new MessageArrivedEarlyException($"order {message.OrderId}'s shipment of the items refund {message.RefundId} gives back to be captured");
        var amount = allowance.AmountCents;
        if (amount < message.AmountCents)
        {
            LogCapped(message.OrderId, message.RefundId, message.AmountCents, amount);
        }

        if (amount <= 0)
        {
            stream.AppendOne(new RefundDeclined(message.OrderId, message.RefundId, RefundDeclined.NothingLeft, time.GetUtcNow()));
            return;
        }

        var key = $"refund-{message.OrderId:N}-{message.RefundId}";
        if (message.Destination == RefundRequested.StoreCredit)
        {
            await prepaid.CreditAsync(PrepaidAccount.StoreCreditOf(payment.CustomerId), PrepaidAccount.StoreCredit, payment.CustomerId, amount, null,
                $"refund of order {payment.OrderNumber}: {message.Reason}", key, cancellationToken);
            stream.AppendOne(new PaymentRefunded(message.OrderId, amount, time.GetUtcNow(), message.Destination, message.RefundId));
        }
        else
        {
            await settlement.RefundToPayersAsync(stream, amount, key, RefundRequested.Original, cancellationToken, message.RefundId);
        }

        if (allowance.Lines is { Count: > 0 } lines)
        {
            stream.AppendOne(new LinesRefunded(message.RefundId, lines, time.GetUtcNow()));
        }

        // The sellers' ledger follows the refund made, in the same transaction: what was given back, for the units given back [MP-10].
        await sellerLedger.RecordRefundAsync(session, payment, message with { AmountCents = amount, ForLines = allowance.Lines }, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Refund {RefundId} asks for order {OrderId}, which Payment never charged; nothing refunded, declined")]
    private partial void LogNothingPaid(Guid orderId, string refundId);

    [LoggerMessage(LogLevel.Warning, "Refund {RefundId} of order {OrderId} asked {Asked} cents; only {Refunded} were captured and not yet refunded")]
    private partial void LogCapped(Guid orderId, string refundId, long asked, long refunded);
}
