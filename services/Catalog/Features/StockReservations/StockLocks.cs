using Marten;
using Npgsql;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>
/// Serialises every change to a SKU's stock: a transaction-scoped advisory lock per SKU, taken in SKU
/// order (so two transactions never wait on each other), held until the session commits. Works the
/// same with one Catalog replica or many [ALL-03].
/// </summary>
public static class StockLocks
{
    public static async Task<Dictionary<string, StockLevel>> LockAndLoadAsync(IDocumentSession session, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var ordered = skus.Distinct().Order(StringComparer.Ordinal).ToList();
        await LockAsync(session, ordered.Select(sku => "stock:" + sku), cancellationToken);
        return (await session.LoadManyAsync<StockLevel>(cancellationToken, ordered)).ToDictionary(level => level.Id);
    }

    /// <summary>Takes the named locks, in order, in the session's transaction (which this begins).</summary>
    public static async Task LockAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", session.Connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
