using Marten;
using Npgsql;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Messaging;

namespace OrderPlatform.Catalog.Features.StockReservations;

/// <summary>
/// Reserves an order's stock when it is placed, all its lines in one transaction. Each SKU is locked
/// (a transaction-scoped advisory lock, taken in SKU order so two orders never wait on each other) before
/// its level is read, so two customers never both get the last unit, on one replica or many [ALL-03].
/// </summary>
public sealed class ReserveStockConsumer(IDocumentStore store, TimeProvider time, ILogger<ReserveStockConsumer> logger, StockPolicy policy)
    : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var skus = message.Lines.Select(line => line.Sku).Distinct().Order(StringComparer.Ordinal).ToList();
        await session.BeginTransactionAsync(cancellationToken);
        foreach (var sku in skus)
        {
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@sku, 0))", session.Connection);
            command.Parameters.AddWithValue("sku", "stock:" + sku);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var stock = (await session.LoadManyAsync<StockLevel>(cancellationToken, skus)).ToDictionary(level => level.Id);
        var allocation = StockAllocation.Allocate(message.Lines, stock, policy);
        foreach (var level in allocation.StockAfter)
        {
            session.Store(level);
        }

        session.Events.StartStream<StockReservation>(message.OrderId, StockAllocation.Events(message.OrderId, allocation).ToArray());
    }
}
