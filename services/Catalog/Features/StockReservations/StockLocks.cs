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
        ArgumentNullException.ThrowIfNull(session);
        var ordered = skus.Distinct().Order(StringComparer.Ordinal).ToList();
        await session.BeginTransactionAsync(cancellationToken);
        foreach (var sku in ordered)
        {
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", session.Connection);
            command.Parameters.AddWithValue("key", "stock:" + sku);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await session.LoadManyAsync<StockLevel>(cancellationToken, ordered)).ToDictionary(level => level.Id);
    }
}
