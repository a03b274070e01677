extern alias ordering;

using Marten;
using OrderPlatform.Contracts;
using ordering::OrderPlatform.Ordering.Domain;

namespace OrderPlatform.IntegrationTests.Ordering;

/// <summary>Orders as checkout places them, appended straight to Ordering's event store.</summary>
public static class PlacedOrders
{
    /// <summary>A dress at 59.90 (or <paramref name="quantity"/> of them) with the preset's first delivery option, placed now.</summary>
    public static async Task<OrderPlaced> PlaceAsync(IDocumentStore store, OrderPolicy policy, int quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var now = DateTimeOffset.UtcNow;
        var (placed, _) = OrderPlacement.Decide(new PlaceOrder(Guid.CreateVersion7(), Guid.NewGuid(), [new("ROBE-ETE-38", quantity)], now,
            new Dictionary<string, PricedSku> { ["ROBE-ETE-38"] = new("ROBE-ETE-38", 5990, "Robe d'été", "maison") },
            policy.Deliveries[0], "MR-1", new PostalAddress("Léa", "Martin", "3 rue Haute", null, "69001", "Lyon", "FR", "0612345678"), null,
            new OrderPayment("card", "tok"), null));
        await using var session = store.LightweightSession();
        session.Events.StartStream<Order>(placed!.OrderId, placed);
        await session.SaveChangesAsync();
        return placed;
    }
}
