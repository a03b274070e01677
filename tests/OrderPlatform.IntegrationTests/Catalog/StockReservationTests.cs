using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Catalog;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Catalog.Features.Restock;
using OrderPlatform.Catalog.Features.StockReservations;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;

namespace OrderPlatform.IntegrationTests.Catalog;

/// <summary>Catalog reserves stock on OrderPlaced, over real RabbitMQ and PostgreSQL, and never oversells [ALL-03].</summary>
public sealed class StockReservationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private TestService catalog = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        catalog = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("stock")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("stock")),
            bus =>
            {
                bus.AddConsumer<ReserveStockConsumer>();
                bus.AddConsumer<ReleaseStockOnRefusedPayment>();
                bus.AddConsumer<CommitStockOnShipment>();
                bus.AddConsumer<ReceiveReturnedParcel>();
                bus.AddConsumer<ReleaseStockOnModification>();
            },
            CatalogStorage.Configure,
            services => services.AddSingleton(new StockPolicy(BackorderWhenShort: false)));
        await catalog.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
    }

    public async Task DisposeAsync() => await catalog.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_orders_for_ten_units_reserve_exactly_ten_ALL_03()
    {
        const string sku = "ROBE-ETE-FLEURIE-NOIR-M";
        await StockAsync(new StockLevel(sku, OnHand: 10));
        var orders = Enumerable.Range(0, 50).Select(_ => Order((sku, 1))).ToList();

        var reservations = await PlaceAsync(orders);

        Assert.Equal(10, reservations.Count(reservation => reservation.Lines.Single().Status == StockReservation.Reserved));
        Assert.Equal(40, reservations.Count(reservation => reservation.Lines.Single().Status == StockReservation.Unavailable));
        var level = await LevelAsync(sku);
        Assert.Equal(new StockLevel(sku, OnHand: 10, Reserved: 10), level);
        Assert.Equal(0, level.AvailableUnits);
    }

    [Fact]
    public async Task Orders_sharing_skus_in_opposite_order_all_complete_without_overselling_ALL_03()
    {
        await StockAsync(new StockLevel("JEAN-40", OnHand: 6), new StockLevel("PULL-M", OnHand: 6));
        var orders = Enumerable.Range(0, 20)
            .Select(i => i % 2 == 0 ? Order(("JEAN-40", 1), ("PULL-M", 1)) : Order(("PULL-M", 1), ("JEAN-40", 1)))
            .ToList();

        var reservations = await PlaceAsync(orders);

        foreach (var sku in (string[])["JEAN-40", "PULL-M"])
        {
            var reserved = reservations.SelectMany(reservation => reservation.Lines)
                .Where(line => line.Sku == sku && line.Status == StockReservation.Reserved).Sum(line => line.Quantity);
            Assert.Equal(6, reserved);
            Assert.Equal(6, (await LevelAsync(sku)).Reserved);
        }
    }

    [Fact]
    public async Task An_order_delivered_twice_reserves_once()
    {
        await StockAsync(new StockLevel("CHEMISE-LIN-L", OnHand: 5));
        var order = Order(("CHEMISE-LIN-L", 2));
        var bus = catalog.Services.GetRequiredService<IBusControl>();
        var consumed = new ConsumedMessages<OrderPlaced>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        var messageId = NewId.NextGuid();

        await bus.Publish(order, context => context.MessageId = messageId);
        await bus.Publish(order, context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience, "both deliveries");

        Assert.Equal(2, (await LevelAsync("CHEMISE-LIN-L")).Reserved);
    }

    [Fact]
    public async Task A_refused_payment_gives_the_stock_back_and_a_shipment_takes_it_off_hand()
    {
        await StockAsync(new StockLevel("VESTE-M", OnHand: 3), new StockLevel("SAC-TU", OnHand: 2));
        var refused = Order(("VESTE-M", 2));
        var shipped = Order(("SAC-TU", 1));
        await PlaceAsync([refused, shipped]);
        var bus = catalog.Services.GetRequiredService<IBusControl>();

        await bus.Publish(new PaymentRefused(refused.OrderId, "insufficient_funds"));
        await bus.Publish(new OrderShipped(shipped.OrderId, Guid.NewGuid(), [new ShippedLine("1", "SAC-TU", 1)], DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await LevelAsync("VESTE-M")).Reserved == 0, Patience, "the refused order's units to come back");
        await Eventually.TrueAsync(async () => await LevelAsync("SAC-TU") == new StockLevel("SAC-TU", OnHand: 1, Reserved: 0), Patience,
            "the shipped unit to leave the warehouse");
        Assert.Equal(3, (await LevelAsync("VESTE-M")).OnHand);
    }

    [Fact]
    public async Task A_parcel_back_at_the_warehouse_told_twice_and_before_its_order_shelves_its_units_once_and_a_replacement_takes_one_ALL_07()
    {
        await StockAsync(new StockLevel("PARKA-L", OnHand: 4));
        var order = Order(("PARKA-L", 2));
        var parcel = Guid.NewGuid();
        var bus = catalog.Services.GetRequiredService<IBusControl>();

        await bus.PublishTwiceAsync(new ParcelReturnedToWarehouse(order.OrderId, parcel, DateTimeOffset.UtcNow, ParcelReturnedToWarehouse.Uncollected,
            [new ShippedLine("1", "PARKA-L", 2)]));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await bus.Publish(order);
        // The order's units reserved first: otherwise the stock as it was before the order would already read as the end state below.
        await Eventually.TrueAsync(async () => (await LevelAsync("PARKA-L")).Reserved == 2, Patience, "the order's units to be reserved");
        await bus.Publish(new OrderShipped(order.OrderId, parcel, [new ShippedLine("1", "PARKA-L", 2)], DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => await LevelAsync("PARKA-L") == new StockLevel("PARKA-L", OnHand: 4, Reserved: 0), Patience,
            "the parcel's units to leave, then come back on the shelf");
        await bus.PublishTwiceAsync(new OrderShipped(order.OrderId, Guid.NewGuid(), [new ShippedLine("1", "PARKA-L", 1)], DateTimeOffset.UtcNow,
            Replacement: true));
        await Eventually.TrueAsync(async () => (await LevelAsync("PARKA-L")).OnHand == 3, Patience, "the replacement to take one unit");
        await Eventually.HoldsAsync(async () => await LevelAsync("PARKA-L") == new StockLevel("PARKA-L", OnHand: 3, Reserved: 0), TimeSpan.FromSeconds(0.5),
            "the parcel's units shelved once");
    }

    [Fact]
    public async Task Units_taken_out_of_an_order_before_hand_off_are_on_sale_again_once_told_twice_JI_06()
    {
        await StockAsync(new StockLevel("NOREN-LIN", OnHand: 5));
        var order = Order(("NOREN-LIN", 3));
        var bus = catalog.Services.GetRequiredService<IBusControl>();
        var modified = new OrderModified(order.OrderId, order.OrderNumber, 1, [order.Lines[0] with { Quantity = 1 }], new OrderAmounts(0, 0, 0, 0), new OrderDelivery("la-poste", "home"),
            new PostalAddress("Kenji", "Martin", "4 rue de Rivoli", null, "75004", "Paris", "FR", null), [new ShippedLine("1", "NOREN-LIN", 2)],
            DateTimeOffset.UtcNow);

        await bus.PublishTwiceAsync(modified);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await bus.Publish(order);

        await Eventually.TrueAsync(async () => (await LevelAsync("NOREN-LIN")) == new StockLevel("NOREN-LIN", OnHand: 5, Reserved: 1), Patience,
            "two of the three units to be on sale again");
        await Eventually.HoldsAsync(async () => (await LevelAsync("NOREN-LIN")).Reserved == 1, TimeSpan.FromSeconds(0.5), "the change released once");
    }

    [Fact]
    public async Task A_refused_payment_consumed_before_its_order_still_gives_the_stock_back()
    {
        await StockAsync(new StockLevel("BOTTINES-38", OnHand: 2));
        var order = Order(("BOTTINES-38", 1));
        var bus = catalog.Services.GetRequiredService<IBusControl>();

        await bus.Publish(new PaymentRefused(order.OrderId, "generic_decline"));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await bus.Publish(order);

        await Eventually.TrueAsync(async () =>
        {
            await using var session = catalog.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var reservation = await session.LoadAsync<StockReservation>(order.OrderId);
            return reservation?.Lines.Single().Status == StockReservation.Released;
        }, Patience, "the early refusal to be applied once the stock is decided");
        Assert.Equal(0, (await LevelAsync("BOTTINES-38")).Reserved);
    }

    [Fact]
    public async Task Under_a_backordering_merchant_a_short_line_waits_and_a_cancellation_stops_the_wait_JI_09()
    {
        await using var backordering = await BackorderingCatalogAsync<ReleaseStockOnCancellation>();
        var bus = backordering.Services.GetRequiredService<IBusControl>();
        var store = backordering.Services.GetRequiredService<IDocumentStore>();
        var waiting = Order(("THEIERE-FONTE", 2));
        var cancelled = Order(("THEIERE-FONTE", 1));

        await bus.Publish(waiting);
        await bus.Publish(cancelled);
        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return await session.Query<Backorder>().CountAsync() == 2;
        }, Patience, "both lines to be backordered");
        await bus.Publish(new OrderCancelled(cancelled.OrderId, DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            var left = await session.Query<Backorder>().ToListAsync();
            return left.Count == 1 && left[0].OrderId == waiting.OrderId;
        }, Patience, "the cancelled order to stop waiting");
        await using (var reader = store.QuerySession())
        {
            Assert.Equal(StockReservation.Backordered, (await reader.LoadAsync<StockReservation>(waiting.OrderId))!.Lines.Single().Status);
        }

        // The restock arrives: the waiting line is reserved, the cancelled one is not.
        await using (var session = store.LightweightSession())
        {
            session.Store(new Product("theiere-fonte", "Théière en fonte", "Fonte d'Iwate.", "Fonte", [], "Thé/Théières", 8900, Outlet: false,
                FinalSale: false, Seller.HouseId, Published: true, [new Sku("THEIERE-FONTE", null, null)]));
            await session.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession())
        {
            var (found, level, refusal) = await RestockEndpoint.RestockAsync(session, "THEIERE-FONTE", new StockChange(null, 5), CancellationToken.None);
            Assert.True(found);
            Assert.Null(refusal);
            Assert.Equal(new StockLevel("THEIERE-FONTE", OnHand: 5, Reserved: 2), level);
        }

        await using (var reader = store.QuerySession())
        {
            Assert.Equal(StockReservation.Reserved, (await reader.LoadAsync<StockReservation>(waiting.OrderId))!.Lines.Single().Status);
            Assert.Equal(0, await reader.Query<Backorder>().CountAsync());
        }
    }

    [Fact]
    public async Task Units_a_refused_payment_gives_back_go_to_the_order_waiting_for_them_told_twice_JI_09()
    {
        await using var backordering = await BackorderingCatalogAsync<ReleaseStockOnRefusedPayment>();
        var bus = backordering.Services.GetRequiredService<IBusControl>();
        var store = backordering.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new StockLevel("BOL-RAKU", OnHand: 1));
            await session.SaveChangesAsync();
        }

        var refused = Order(("BOL-RAKU", 1));
        var waiting = Order(("BOL-RAKU", 1));
        await bus.Publish(refused);
        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<StockReservation>(refused.OrderId))?.Lines.Single().Status == StockReservation.Reserved;
        }, Patience, "the first order to take the only bowl");
        await bus.Publish(waiting);
        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return await session.Query<Backorder>().AnyAsync(backorder => backorder.OrderId == waiting.OrderId);
        }, Patience, "the second order to wait for a restock");

        await bus.PublishTwiceAsync(new PaymentRefused(refused.OrderId, "generic_decline"));

        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<StockReservation>(waiting.OrderId))?.Lines.Single().Status == StockReservation.Reserved;
        }, Patience, "the bowl given back to be reserved for the order waiting for it");
        await Task.Delay(500); // the second delivery of the refusal moves nothing more
        await using (var reader = store.QuerySession())
        {
            Assert.Equal(new StockLevel("BOL-RAKU", OnHand: 1, Reserved: 1), await reader.LoadAsync<StockLevel>("BOL-RAKU"));
            Assert.Equal(0, await reader.Query<Backorder>().CountAsync());
            var events = await reader.Events.FetchStreamAsync(waiting.OrderId);
            Assert.Single(events, e => e.Data is StockReserved);
        }
    }

    /// <summary>A Catalog of its own for a merchant that backorders [JI-09], reserving stock and moving it with <typeparamref name="TMovement"/>.</summary>
    private static async Task<TestService> BackorderingCatalogAsync<TMovement>() where TMovement : class, IConsumer
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        var service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("backorder")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("backorder")),
            bus =>
            {
                bus.AddConsumer<ReserveStockConsumer>();
                bus.AddConsumer<TMovement>();
            },
            CatalogStorage.Configure,
            services => services.AddSingleton(new StockPolicy(BackorderWhenShort: true)));
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return service;
    }

    private static OrderPlaced Order(params (string Sku, int Quantity)[] lines) =>
        new(Guid.NewGuid(), "CMD-TEST", Guid.NewGuid(),
            lines.Select((line, index) => new OrderedLine((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Sku, line.Quantity)).ToList(),
            DateTimeOffset.UtcNow);

    private async Task<List<StockReservation>> PlaceAsync(IReadOnlyList<OrderPlaced> orders)
    {
        var bus = catalog.Services.GetRequiredService<IBusControl>();
        await Task.WhenAll(orders.Select(order => bus.Publish(order)));
        var ids = orders.Select(order => order.OrderId).ToList();
        return await Eventually.GetAsync(async () =>
        {
            await using var session = catalog.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var found = await session.LoadManyAsync<StockReservation>(ids);
            return found.Count == ids.Count ? found.ToList() : null;
        }, Patience, $"{orders.Count} orders to have their stock decided");
    }

    private async Task StockAsync(params StockLevel[] levels)
    {
        await using var session = catalog.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(levels);
        await session.SaveChangesAsync();
    }

    private async Task<StockLevel> LevelAsync(string sku)
    {
        await using var session = catalog.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<StockLevel>(sku))!;
    }
}
