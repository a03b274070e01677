using Marten;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>
/// Serialises every change to a SKU's stock with an advisory lock per SKU, held until the session
/// commits. Works the same with one Catalog replica or many [ALL-03].
/// </summary>
public static class StockLocks
{
    public static async Task<Dictionary<string, StockLevel>> LockAndLoadAsync(IDocumentSession session, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var ordered = skus.Distinct().Order(StringComparer.Ordinal).ToList();
        await AdvisoryLocks.LockAsync(session, ordered.Select(sku => "stock:" + sku), cancellationToken);
        return (await session.LoadManyAsync<StockLevel>(cancellationToken, ordered)).ToDictionary(level => level.Id);
    }
}
