using Marten;
using JasperFx.Events;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// The one way an order's payment stream is written: under a lock per order (two shipments of one order
/// never compute their captures at once, so the shipping fee is taken once), fetched for writing so
/// Marten checks the version at commit.
/// </summary>
public static class PaymentStreams
{
    public static async Task<IEventStream<Domain.Payment>> FetchAsync(IDocumentSession session, Guid orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await AdvisoryLocks.LockAsync(session, ["payment:" + orderId], cancellationToken);
        return await session.Events.FetchForWriting<Domain.Payment>(orderId, cancellationToken);
    }
}
