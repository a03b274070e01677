extern alias ordering;

using OrderPlatform.Shops;
using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults;
using ordering::OrderPlatform.Ordering;
using ordering::OrderPlatform.Ordering.Domain;
using ordering::OrderPlatform.Ordering.Features.OrderProcess;
using ordering::OrderPlatform.Ordering.Features.Orders;

namespace OrderPlatform.IntegrationTests.Ordering;

/// <summary>
/// The order process on real PostgreSQL and RabbitMQ: Catalog's and Payment's events, each delivered
/// twice, move the order once; its deadlines are found by the scans, whenever they run.
/// </summary>
public sealed class OrderProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly OrderPolicy Policy = OrderingProfile.For(ShopProfiles.Load("fashion-retail"));
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("ordering")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("ordering")),
            bus =>
            {
                bus.AddOrderProcess();
                bus.AddConsumer<ConfirmationsSeen>();
                bus.AddConsumer<RefundsSeen>();
            },
            OrderingStorage.Configure,
            services => services.AddSingleton(Policy));
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Stock_and_payment_delivered_twice_confirm_the_order_once_and_publish_one_confirmation_FR_02_ALL_04()
    {
        var placed = await PlaceAsync();
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var consumed = new ConsumedMessages<PaymentAuthorized>();
        using var observer = bus.ConnectConsumeObserver(consumed);

        await bus.PublishTwiceAsync(new StockReserved(placed.OrderId, placed.Lines.Select(line => new ReservedLine(line.LineId, line.Sku, line.Quantity)).ToList()));
        await bus.PublishTwiceAsync(new PaymentAuthorized(placed.OrderId, placed.Amounts!.TotalCents, "card", DateTimeOffset.UtcNow));

        var order = await Eventually.GetAsync(async () => await LoadAsync(placed.OrderId) is { Status: OrderStatus.Confirmed } confirmed ? confirmed : null,
            Patience, "the order to be confirmed");
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience, "both authorisations to be consumed");
        await Eventually.TrueAsync(() => Task.FromResult(ConfirmationsSeen.For(placed.OrderId) >= 1), Patience, "the outbox to publish OrderConfirmed");
        await Eventually.HoldsAsync(() => Task.FromResult(ConfirmationsSeen.For(placed.OrderId) == 1), TimeSpan.FromSeconds(0.5), "one OrderConfirmed");

        Assert.Equal([OrderStatus.Placed, OrderStatus.Confirmed], order.StatusHistory.Select(change => change.Status));
        Assert.All(order.Lines, line => Assert.Equal(LineStatus.Reserved, line.Status));
    }

    [Fact]
    public async Task A_confirmed_order_goes_to_logistics_when_the_scan_finds_it_due_FR_09()
    {
        var placed = await PlaceAsync();
        var reserved = new StockReservedForLines(["1"], placed.PlacedAt);
        var confirmation = OrderProcess.OnPaymentAuthorized((await LoadAsync(placed.OrderId))!.Next(reserved), 6380, "card", placed.PlacedAt, Policy);
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(placed.OrderId, [reserved, .. confirmation]);
            await session.SaveChangesAsync();
        }

        Assert.Equal(0, await HandOffScan.HandOffDueAsync(Store, placed.PlacedAt + Policy.HandOffDelay - TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(OrderStatus.Confirmed, (await LoadAsync(placed.OrderId))!.Status);
        // PostgreSQL keeps microseconds, .NET ticks of 100 ns: the stored due time may round up by less than a microsecond.
        Assert.True(await HandOffScan.HandOffDueAsync(Store, placed.PlacedAt + Policy.HandOffDelay + TimeSpan.FromMicroseconds(1), CancellationToken.None) >= 1);
        Assert.Equal(OrderStatus.Preparing, (await LoadAsync(placed.OrderId))!.Status);
    }

    [Fact]
    public async Task An_order_left_placed_past_its_threshold_is_listed_as_stuck_ALL_07()
    {
        var placed = await PlaceAsync();
        await using var session = Store.QuerySession();

        var early = await StuckOrders.FindAsync(session, Policy, placed.PlacedAt.AddMinutes(14), CancellationToken.None);
        var late = await StuckOrders.FindAsync(session, Policy, placed.PlacedAt.AddMinutes(16), CancellationToken.None);

        Assert.DoesNotContain(early, order => order.OrderId == placed.OrderId);
        var stuck = Assert.Single(late, order => order.OrderId == placed.OrderId);
        Assert.Equal(OrderStatus.Placed, stuck.Status);
    }

    [Fact]
    public async Task A_parcel_back_told_twice_and_before_its_shipment_is_recorded_once_and_refunded_once_by_its_date_ALL_07_ALL_04()
    {
        var (placed, handedOff) = await HandedOffAsync();
        Assert.Single(handedOff);

        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var shipmentId = Guid.NewGuid();
        var lines = placed.Lines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList();
        await bus.PublishTwiceAsync(new ParcelReturnedToWarehouse(placed.OrderId, shipmentId, DateTimeOffset.UtcNow, ParcelReturnedToWarehouse.Uncollected, lines));
        await Task.Delay(1000); // the return is consumed, finds no shipment, and waits for its retry
        await bus.Publish(new OrderShipped(placed.OrderId, shipmentId, lines, DateTimeOffset.UtcNow.AddDays(-16)));

        var waiting = await Eventually.GetAsync(async () => await LoadAsync(placed.OrderId) is { Status: OrderStatus.ReturnedToWarehouse } order ? order : null,
            Patience, "the order to show its parcel back at the warehouse");
        Assert.Single(waiting.StatusHistory, change => change.Status == OrderStatus.ReturnedToWarehouse);
        var settleBy = Assert.Single(waiting.Shipments).SettleBy!.Value;

        Assert.Equal(0, await HandOffScan.RefundUnclaimedParcelsAsync(Store, settleBy.AddMinutes(-1), CancellationToken.None));
        Assert.Equal(1, await HandOffScan.RefundUnclaimedParcelsAsync(Store, settleBy.AddMinutes(1), CancellationToken.None));
        Assert.Equal(0, await HandOffScan.RefundUnclaimedParcelsAsync(Store, settleBy.AddMinutes(2), CancellationToken.None));

        Assert.Equal(OrderStatus.Refunded, (await LoadAsync(placed.OrderId))!.Status);
        await Eventually.TrueAsync(() => Task.FromResult(RefundsSeen.For(placed.OrderId) >= 1), Patience, "the outbox to publish the refund");
        await Eventually.HoldsAsync(() => Task.FromResult(RefundsSeen.For(placed.OrderId) == 1), TimeSpan.FromSeconds(0.5), "one refund");
    }

    [Fact]
    public async Task A_parcel_back_at_the_warehouse_is_refunded_by_its_date_even_when_the_rest_of_the_order_shipped_after_it_came_back_ALL_07()
    {
        var placed = await PlacedOrders.PlaceAsync(Store, Policy, quantity: 2);
        var reserved = new StockReservedForLines(["1"], placed.PlacedAt);
        var order = (await LoadAsync(placed.OrderId))!.Next(reserved);
        var events = new List<object> { reserved };
        void Decide(IReadOnlyList<object> decided)
        {
            events.AddRange(decided);
            order = decided.Aggregate(order, (state, @event) => state.Next(@event));
        }

        Decide(OrderProcess.OnPaymentAuthorized(order, placed.Amounts!.TotalCents, "card", placed.PlacedAt, Policy));
        Decide(OrderProcess.HandOff(order, placed.PlacedAt + Policy.HandOffDelay));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        Decide(OrderProcess.OnShipped(order, new OrderShipped(placed.OrderId, first, [new ShippedLine("1", "ROBE-ETE-38", 1)], now, "mondial-relay", "1", "https://t")));
        Decide(OrderProcess.OnParcelReturned(order, first, ParcelReturnedToWarehouse.Uncollected, now, now, Policy)!);
        Decide(OrderProcess.OnShipped(order, new OrderShipped(placed.OrderId, second, [new ShippedLine("1", "ROBE-ETE-38", 1)], now, "mondial-relay", "2", "https://t")));
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(placed.OrderId, events);
            await session.SaveChangesAsync();
        }

        var shipped = (await LoadAsync(placed.OrderId))!;
        Assert.Equal(OrderStatus.Shipped, shipped.Status); // no longer returned-to-warehouse: the first parcel still waits
        var settleBy = shipped.SettleParcelsBy!.Value;

        Assert.Equal(0, await HandOffScan.RefundUnclaimedParcelsAsync(Store, settleBy.AddMinutes(-1), CancellationToken.None));
        Assert.True(await HandOffScan.RefundUnclaimedParcelsAsync(Store, settleBy.AddMinutes(1), CancellationToken.None) >= 1);

        var settled = (await LoadAsync(placed.OrderId))!;
        Assert.Equal(ReturnedParcelSettled.Refunded, settled.Shipments.Single(shipment => shipment.ShipmentId == first).Settlement);
        Assert.Null(settled.SettleParcelsBy);
        await Eventually.TrueAsync(() => Task.FromResult(RefundsSeen.For(placed.OrderId) >= 1), Patience, "the outbox to publish the refund");
    }

    [Fact]
    public async Task A_lost_parcel_told_twice_and_before_its_shipment_waits_once_as_parcel_lost_and_is_refunded_by_its_date_ALL_07_ALL_04()
    {
        var (placed, _) = await HandedOffAsync();
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var shipmentId = Guid.NewGuid();
        var lines = placed.Lines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList();

        await bus.PublishTwiceAsync(new ParcelLost(placed.OrderId, shipmentId, DateTimeOffset.UtcNow, lines));
        await Task.Delay(1000); // no such shipment yet: retried
        await bus.Publish(new OrderShipped(placed.OrderId, shipmentId, lines, DateTimeOffset.UtcNow.AddDays(-30)));

        var lost = await Eventually.GetAsync(async () => await LoadAsync(placed.OrderId) is { Status: OrderStatus.ParcelLost } order ? order : null,
            Patience, "the order to show its lost parcel");
        Assert.Single(lost.StatusHistory, change => change.Status == OrderStatus.ParcelLost);
        Assert.True(await HandOffScan.RefundUnclaimedParcelsAsync(Store, lost.SettleParcelsBy!.Value.AddMinutes(1), CancellationToken.None) >= 1);
        Assert.Equal(OrderStatus.Refunded, (await LoadAsync(placed.OrderId))!.Status);
        await Eventually.TrueAsync(() => Task.FromResult(RefundsSeen.For(placed.OrderId) >= 1), Patience, "the outbox to publish the refund");
    }

    [Fact]
    public async Task A_delivery_and_its_carrier_status_told_twice_before_the_shipment_deliver_the_order_once_ALL_04_FR_15()
    {
        var (placed, _) = await HandedOffAsync();

        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var shipmentId = Guid.NewGuid();
        var deliveredAt = DateTimeOffset.UtcNow.AddHours(-1);
        var lines = placed.Lines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList();
        await bus.PublishTwiceAsync(new ParcelDelivered(placed.OrderId, shipmentId, deliveredAt));
        await bus.PublishTwiceAsync(new ShipmentStatusChanged(placed.OrderId, shipmentId, "delivered", deliveredAt));
        await bus.Publish(new ParcelDelivered(placed.OrderId, Guid.NewGuid(), deliveredAt, ReturnParcel: true)); // not the order's parcel
        await Task.Delay(1000); // both are consumed, find no shipment, and are parked
        Assert.Equal(OrderStatus.Preparing, (await LoadAsync(placed.OrderId))!.Status);
        await bus.Publish(new OrderShipped(placed.OrderId, shipmentId, lines, DateTimeOffset.UtcNow.AddDays(-2)));

        var delivered = await Eventually.GetAsync(async () => await LoadAsync(placed.OrderId) is { Status: OrderStatus.Delivered } order
                && order.Shipments.Single().Status == "delivered" ? order : null,
            Patience, "the order and its parcel to show delivered");
        Assert.Equal(deliveredAt, Assert.Single(delivered.Shipments).DeliveredAt);
        await using var query = Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(placed.OrderId), e => e.Data is DeliveryRecorded);
    }

    private Task<OrderPlaced> PlaceAsync() => PlacedOrders.PlaceAsync(Store, Policy);

    /// <summary>An order placed, confirmed (stock and card) and handed to the warehouse, as its stream holds it; the hand-off's events.</summary>
    private async Task<(OrderPlaced Placed, IReadOnlyList<object> HandedOff)> HandedOffAsync()
    {
        var placed = await PlaceAsync();
        var reserved = new StockReservedForLines(["1"], placed.PlacedAt);
        var confirmed = (await LoadAsync(placed.OrderId))!.Next(reserved);
        var toLogistics = OrderProcess.OnPaymentAuthorized(confirmed, 6380, "card", placed.PlacedAt, Policy);
        var handedOff = OrderProcess.HandOff(toLogistics.Aggregate(confirmed, (order, @event) => order.Next(@event)),
            placed.PlacedAt + Policy.HandOffDelay + TimeSpan.FromMinutes(1));
        await using var session = Store.LightweightSession();
        session.Events.Append(placed.OrderId, [reserved, .. toLogistics, .. handedOff]);
        await session.SaveChangesAsync();
        return (placed, handedOff);
    }

    private async Task<Order?> LoadAsync(Guid orderId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<Order>(orderId);
    }

    /// <summary>Counts the refunds the outbox relay asked Payment for, per order.</summary>
    public sealed class RefundsSeen : IConsumer<RefundRequested>
    {
        private static readonly ConcurrentDictionary<Guid, int> Seen = new();

        public static int For(Guid orderId) => Seen.GetValueOrDefault(orderId);

        public Task Consume(ConsumeContext<RefundRequested> context)
        {
            ArgumentNullException.ThrowIfNull(context);
            Seen.AddOrUpdate(context.Message.OrderId, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the OrderConfirmed events the outbox relay published, per order.</summary>
    public sealed class ConfirmationsSeen : IConsumer<OrderConfirmed>
    {
        private static readonly ConcurrentDictionary<Guid, int> Seen = new();

        public static int For(Guid orderId) => Seen.GetValueOrDefault(orderId);

        public Task Consume(ConsumeContext<OrderConfirmed> context)
        {
            ArgumentNullException.ThrowIfNull(context);
            Seen.AddOrUpdate(context.Message.OrderId, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }
}
