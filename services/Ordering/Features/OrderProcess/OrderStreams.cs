using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Ordering.Features.OrderProcess;

/// <summary>
/// The one way an order's stream is written after checkout: wait for the order's lock, fetch it for
/// writing (Marten still checks at commit that nobody appended meanwhile), decide, append; and give a
/// promo code's use back when the order ends unpaid or cancelled [FR-24].
/// </summary>
/// <remarks>
/// An order's stock and payment news arrive together: without the lock both consumers read the same
/// version, one loses at commit and is redelivered after a retry delay (measured: about one decision in
/// eight under load). With it the second waits a few milliseconds and decides on the first's result.
/// </remarks>
public static class OrderStreams
{
    /// <summary>
    /// Waits, in the session's transaction, until no other writer of this order's stream is between its read and its commit: every
    /// writer of an order takes it, so none writes the order's snapshot from a read another has made stale.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, Guid orderId, CancellationToken cancellationToken) =>
        AdvisoryLocks.LockAsync(session, ["order:" + orderId], cancellationToken);

    /// <summary>The order after the decision, or null when there is no such order.</summary>
    public static async Task<(Order? Before, IReadOnlyList<object> Events)> DecideAsync(
        IDocumentSession session, Guid orderId, Func<Order, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        await LockAsync(session, orderId, cancellationToken);
        var stream = await session.Events.FetchForWriting<Order>(orderId, cancellationToken);
        if (stream.Aggregate is not { } order)
        {
            return (null, []);
        }

        var events = decide(order);
        if (events.Count == 0)
        {
            return (order, events);
        }

        if (order.PromoCode is { } code && events.Any(@event => @event is OrderCancelled or PaymentRefusalRecorded))
        {
            await AdvisoryLocks.LockAsync(session, ["promo:" + code], cancellationToken);
            if (await session.LoadAsync<PromoCode>(code, cancellationToken) is { } promo)
            {
                session.Store(PromoRules.GiveBack(promo, order.Id));
            }
        }

        stream.AppendMany(events);
        return (order, events);
    }

    /// <summary>
    /// What an endpoint does with an order: decide (or refuse, saying why), commit, and decide again on the newer order when
    /// another writer committed first. The order after the decision, or null when there is no such order.
    /// </summary>
    public static async Task<(Order? After, string? Refusal)> DecideAndSaveAsync(IDocumentStore store, Guid orderId,
        Func<Order, (IReadOnlyList<object> Events, string? Refusal)> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            string? refusal = null;
            var (order, events) = await DecideAsync(session, orderId, order =>
            {
                (var decided, refusal) = decide(order);
                return refusal is null ? decided : [];
            }, cancellationToken);
            if (order is null || refusal is not null)
            {
                return (order, refusal);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return (events.Aggregate(order, (state, @event) => state.Next(@event)), null);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
            }
        }
    }
}
