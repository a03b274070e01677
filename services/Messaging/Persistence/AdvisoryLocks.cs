using Marten;
using Npgsql;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// Serialises changes to one thing (a SKU's stock, a promo code's uses, a checkout's key) across every
/// replica: transaction-scoped PostgreSQL advisory locks, taken in name order (so two transactions never
/// wait on each other) and held until the session commits or rolls back.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Takes the named locks, in order, in the session's transaction (which this begins).</summary>
    public static async Task LockAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(keys);
        await session.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", session.Connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
