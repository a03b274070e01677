using Marten;
using JasperFx.Events;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Payment.Psp;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// Takes and releases money as the order moves: exactly what shipped at each shipment, or everything at
/// confirmation, per preset [FR-26]; what will never ship is never charged and is released [FR-07];
/// a lapsed authorisation is renewed before capture, and escalated if the renewal is refused.
/// </summary>
public sealed class PaymentSettlement(IPaymentProvider psp, TimeProvider time)
{
    public async Task CaptureAsync(IEventStream<Domain.Payment> stream, long amountCents, Guid? shipmentId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = Folded(stream);
        if (amountCents <= 0 || payment.Status != Domain.Payment.Authorized)
        {
            return;
        }

        var now = time.GetUtcNow();
        var (credit, card) = PaymentDecisions.SplitCapture(payment, amountCents);
        if (credit > 0)
        {
            await psp.CaptureAsync(payment.CreditPaymentId!, credit, key + "-credit", cancellationToken);
            stream.AppendOne(new CreditTenderMoved("capture", credit, now));
        }

        var captured = credit + (card > 0 && await CaptureCardAsync(stream, payment, card, key, now, cancellationToken) ? card : 0);
        if (captured > 0)
        {
            stream.AppendOne(new PaymentCaptured(payment.Id, captured, time.GetUtcNow(), shipmentId));
        }
    }

    /// <summary>Captures on the card, renewing a lapsed authorisation first; false when the renewal was refused (escalated).</summary>
    private async Task<bool> CaptureCardAsync(IEventStream<Domain.Payment> stream, Domain.Payment payment, long amountCents, string key, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (PaymentDecisions.NeedsRenewal(payment, now) && !await RenewAsync(stream, now, cancellationToken))
        {
            return false;
        }

        try
        {
            await psp.CaptureAsync(payment.PspPaymentId!, amountCents, key, cancellationToken);
        }
        catch (PspRefusedException refused) when (refused.Code == "authorization_expired")
        {
            // The PSP's clock says it lapsed even if ours did not: renew, then capture under a new key.
            if (!await RenewAsync(stream, now, cancellationToken))
            {
                return false;
            }

            await psp.CaptureAsync(payment.PspPaymentId!, amountCents, key + "-renewed", cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Releases what is authorised and will not be captured, once nothing more will ship; an escalated payment so released is settled
    /// (<see cref="PaymentEscalationResolved"/>): nothing more is to be charged, nothing is held.
    /// </summary>
    public async Task ReleaseIfCompleteAsync(IEventStream<Domain.Payment> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = Folded(stream);
        if (PaymentDecisions.ToRelease(payment) > 0)
        {
            await VoidAllAsync(stream, payment, cancellationToken);
            if (payment.Status == Domain.Payment.Escalated)
            {
                stream.AppendOne(new PaymentEscalationResolved(payment.Id, PaymentEscalationResolved.Released, time.GetUtcNow()));
            }
        }
    }

    /// <summary>Charged at order, what the capture at confirmation left authorised is released at once: it would only lapse, and be renewed.</summary>
    public async Task ReleaseLeftoverAsync(IEventStream<Domain.Payment> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (Folded(stream) is { Status: Domain.Payment.Authorized, Uncaptured: > 0, CapturedCents: > 0 } payment)
        {
            await VoidAllAsync(stream, payment, cancellationToken);
        }
    }

    /// <summary>
    /// After an escalation is settled (paid again, renewed), what it left uncharged is captured: what already shipped, or, charged at order,
    /// the order.
    /// </summary>
    public async Task CaptureDueAfterEscalationAsync(IEventStream<Domain.Payment> stream, CaptureTiming timing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = Folded(stream);
        if (PaymentDecisions.DueAfterEscalation(payment, timing) is > 0 and var due)
        {
            await CaptureAsync(stream, due, null, $"capture-after-escalation-{payment.Id:N}-{payment.CapturedCents}", cancellationToken);
        }

        if (timing == CaptureTiming.OnOrder)
        {
            await ReleaseLeftoverAsync(stream, cancellationToken);
        }

        await ReleaseIfCompleteAsync(stream, cancellationToken);
    }

    /// <summary>Releases what each part of the payment still holds: the store credit's hold and the card's authorisation.</summary>
    private async Task VoidAllAsync(IEventStream<Domain.Payment> stream, Domain.Payment payment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (payment.CreditUncaptured > 0)
        {
            await psp.VoidAsync(payment.CreditPaymentId!, $"void-credit-{payment.Id:N}", cancellationToken);
            stream.AppendOne(new CreditTenderMoved("void", payment.CreditUncaptured, now));
        }

        if (payment.Uncaptured - payment.CreditUncaptured > 0)
        {
            try
            {
                await psp.VoidAsync(payment.PspPaymentId!, $"void-{payment.Id:N}", cancellationToken);
            }
            catch (PspRefusedException) when (payment.Status == Domain.Payment.Escalated)
            {
                // An escalated authorisation has lapsed: the PSP holds nothing any more, which is what a void asks.
            }
        }

        stream.AppendOne(new PaymentVoided(payment.Id, payment.Uncaptured, now));
    }

    /// <summary>
    /// Gives money back to the methods that paid: the card first, then the store credit [FR-19]. The refund's
    /// id, when another service asked for it, goes out with <see cref="PaymentRefunded"/> so that service can close what waited [FR-13].
    /// </summary>
    public async Task RefundToPayersAsync(IEventStream<Domain.Payment> stream, long amountCents, string key, string destination,
        CancellationToken cancellationToken, string? refundId = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = Folded(stream);
        var (card, credit) = PaymentDecisions.SplitRefund(payment, amountCents);
        if (card > 0)
        {
            await psp.RefundAsync(payment.PspPaymentId!, card, key, cancellationToken);
        }

        if (credit > 0 && payment.CreditPaymentId is { } creditPayment)
        {
            await psp.RefundAsync(creditPayment, credit, key + "-credit", cancellationToken);
            stream.AppendOne(new CreditTenderMoved("refund", credit, time.GetUtcNow()));
        }

        stream.AppendOne(new PaymentRefunded(payment.Id, card + credit, time.GetUtcNow(), destination, refundId));
    }

    /// <summary>Charged at order, what lines found missing cost goes back to the methods that paid [ALL-01].</summary>
    public async Task RefundMissingLinesAsync(IEventStream<Domain.Payment> stream, CaptureTiming timing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = Folded(stream);
        if (PaymentDecisions.RefundForMissing(payment, timing) is > 0 and var refund)
        {
            // One key per step: a redelivery retries the same refund at the PSP, a later missing line makes a new one.
            await RefundToPayersAsync(stream, refund, $"refund-missing-{payment.Id:N}-{payment.RefundedForMissingCents}", RefundRequested.Original, cancellationToken);
            stream.AppendOne(new MissingLinesRefunded(refund, time.GetUtcNow()));
        }
    }

    /// <summary>A cancelled order: what was captured goes back, what was only authorised is released.</summary>
    public async Task SettleCancellationAsync(IEventStream<Domain.Payment> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var payment = stream.Aggregate!;
        if (payment.PspPaymentId is null)
        {
            return;
        }

        if (payment.CapturedCents - payment.RefundedCents is > 0 and var refund)
        {
            await RefundToPayersAsync(stream, refund, $"refund-cancel-{payment.Id:N}", RefundRequested.Original, cancellationToken);
        }

        if (payment.Status is Domain.Payment.Authorized or Domain.Payment.Escalated && payment.Uncaptured > 0)
        {
            await VoidAllAsync(stream, Folded(stream), cancellationToken);
        }
    }

    /// <summary>Renews the authorisation with the stored token; a refusal escalates the payment and captures nothing.</summary>
    public async Task<bool> RenewAsync(IEventStream<Domain.Payment> stream, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payment = Folded(stream);
        try
        {
            var renewed = await psp.ReauthoriseAsync(payment.PspPaymentId!, $"reauthorise-{payment.Id:N}-{payment.AuthorizationExpiresAt:yyyyMMddHHmmss}",
                cancellationToken);
            stream.AppendOne(new AuthorisationRenewed(renewed.AuthorizationExpiresAt, now));
            return true;
        }
        catch (PspRefusedException refused)
        {
            stream.AppendOne(new PaymentEscalated(payment.Id, $"re-authorisation refused: {refused.Code}", now));
            return false;
        }
    }

    /// <summary>The payment with the events appended in this session folded in.</summary>
    public static Domain.Payment Folded(IEventStream<Domain.Payment> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.Events.Select(e => e.Data).Aggregate(stream.Aggregate!, (payment, @event) => payment.Next(@event));
    }
}
