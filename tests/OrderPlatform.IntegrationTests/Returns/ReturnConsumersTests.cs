extern alias returns;

using OrderPlatform.Shops;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.Shops.Documents;
using returns::OrderPlatform.Returns;
using returns::OrderPlatform.Returns.Domain;
using returns::OrderPlatform.Returns.Features.Returns;

namespace OrderPlatform.IntegrationTests.Returns;

/// <summary>Returns' consumers on real PostgreSQL and RabbitMQ, every message delivered twice: each changes the state once.</summary>
public sealed class ReturnConsumersTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly PostalAddress Camille = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "0612345678");
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("returns")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("returns")),
            bus => bus.AddReturnConsumers(),
            ReturnsStorage.Configure,
            services => services.AddSingleton(DocumentFonts.From(null)));
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task An_order_shipped_delivered_labelled_and_refunded_each_told_twice_is_recorded_once_and_the_return_closes_FR_12_FR_13()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var orderId = Guid.NewGuid();
        var shipmentId = Guid.NewGuid();
        var placed = new OrderPlaced(orderId, "CMD-1", Guid.NewGuid(), [new OrderedLine("1", "ROBE-38", 1, 4990)], DateTimeOffset.UtcNow.AddDays(-4),
            new OrderAmounts(4990, 390, 0, 5380), new OrderDelivery("mondial-relay", "relay-point", "020340"), Camille, Camille);

        await bus.PublishTwiceAsync(placed);
        await bus.PublishTwiceAsync(new OrderShipped(orderId, shipmentId, [new ShippedLine("1", "ROBE-38", 1)], DateTimeOffset.UtcNow.AddDays(-3)));
        await bus.PublishTwiceAsync(new ParcelDelivered(orderId, shipmentId, DateTimeOffset.UtcNow.AddDays(-2)));
        var order = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<ReturnableOrder>(orderId) is { ReceivedAt: not null } known ? known : null;
        }, Patience, "the delivery to reach Returns");
        await Eventually.HoldsAsync(async () => (await StreamAsync(orderId)).Count == 3, TimeSpan.FromSeconds(0.5),
            "placed, shipped, delivered: once each");

        var returnId = Guid.NewGuid();
        var decision = ReturnDecisions.Request(order, [new RequestedReturnLine("1", 1, "wrong-size")], "original", false, false,
            ReturnsPolicy.For(ShopProfiles.Load("fashion-retail")), returnId, DateTimeOffset.UtcNow);
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(orderId, decision.OrderEvents);
            session.Events.StartStream<CustomerReturn>(returnId, decision.ReturnEvents);
            await session.SaveChangesAsync();
        }

        await bus.PublishTwiceAsync(new ReturnLabelBooked(returnId, orderId, "mondial-relay", "11112222", "https://track/11112222", null, DateTimeOffset.UtcNow));
        await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<ReturnDocument>(returnId);
        }, Patience, "the authorisation to be made");
        await using (var session = Store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<CustomerReturn>(returnId);
            stream.AppendMany(ReturnDecisions.Receive(stream.Aggregate!, [new LineInspection("1", true, null)], DateTimeOffset.UtcNow).Events);
            await session.SaveChangesAsync();
        }

        await bus.PublishTwiceAsync(new PaymentRefunded(orderId, 4500, DateTimeOffset.UtcNow, "original", ReturnDecisions.RefundIdFor(returnId)));
        var closed = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<CustomerReturn>(returnId) is { Status: CustomerReturn.Refunded } done ? done : null;
        }, Patience, "the return to close");
        await Task.Delay(500);

        var events = await StreamAsync(returnId);
        Assert.Single(events.OfType<ReturnLabelAttached>());
        Assert.Single(events.OfType<ReturnAuthorised>());
        Assert.Single(events.OfType<RefundConfirmed>());
        Assert.Equal("11112222", closed.TrackingNumber);
        // The return parcel reaching the warehouse is not a delivery of the order: the window does not move.
        await bus.PublishTwiceAsync(new ParcelDelivered(orderId, returnId, DateTimeOffset.UtcNow));
        await Task.Delay(1000);
        await using var query = Store.QuerySession();
        Assert.Equal(order.ReceivedAt, (await query.LoadAsync<ReturnableOrder>(orderId))!.ReceivedAt);
    }

    [Fact]
    public async Task A_return_never_sent_back_expires_once_and_frees_its_units_and_a_refund_payment_declines_ends_the_return_told_twice_ALL_07()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var (forgotten, received) = (await ReturnOfADeliveredOrderAsync(), await ReturnOfADeliveredOrderAsync());
        await using (var session = Store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<CustomerReturn>(received.ReturnId);
            stream.AppendMany(ReturnDecisions.Receive(stream.Aggregate!, [new LineInspection("1", true, null)], DateTimeOffset.UtcNow).Events);
            await session.SaveChangesAsync();
        }

        // Told before the return waits for money (authorised, not received): nothing changes.
        await bus.PublishTwiceAsync(new RefundDeclined(forgotten.OrderId, ReturnDecisions.RefundIdFor(forgotten.ReturnId), RefundDeclined.NothingLeft,
            DateTimeOffset.UtcNow));
        var later = DateTimeOffset.UtcNow.AddDays(31);
        Assert.Equal(0, await ReturnExpiryScan.ExpireDueAsync(Store, DateTimeOffset.UtcNow.AddDays(29), TimeSpan.FromDays(30), CancellationToken.None));
        Assert.True(await ReturnExpiryScan.ExpireDueAsync(Store, later, TimeSpan.FromDays(30), CancellationToken.None) >= 1);
        Assert.Equal(0, await ReturnExpiryScan.ExpireDueAsync(Store, later, TimeSpan.FromDays(30), CancellationToken.None)); // once

        await using (var query = Store.QuerySession())
        {
            Assert.Equal(CustomerReturn.Expired, (await query.LoadAsync<CustomerReturn>(forgotten.ReturnId))!.Status);
            Assert.Equal(1, (await query.LoadAsync<ReturnableOrder>(forgotten.OrderId))!.Returnable("1")); // the dress may be returned again
            Assert.Equal(CustomerReturn.RefundPending, (await query.LoadAsync<CustomerReturn>(received.ReturnId))!.Status); // received: not expired
        }

        await bus.PublishTwiceAsync(new RefundDeclined(received.OrderId, ReturnDecisions.RefundIdFor(received.ReturnId), RefundDeclined.NothingCharged,
            DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.LoadAsync<CustomerReturn>(received.ReturnId) is { Status: CustomerReturn.NotRefunded };
        }, Patience, "the return to end without a refund");
        await Eventually.HoldsAsync(async () => (await StreamAsync(received.ReturnId)).OfType<RefundNotGiven>().Count() == 1, TimeSpan.FromSeconds(0.5),
            "one RefundNotGiven for a refusal told twice");
        Assert.Empty((await StreamAsync(forgotten.ReturnId)).OfType<RefundNotGiven>());
    }

    /// <summary>An order delivered two days ago, and a return of its dress asked for and labelled: the order's id and the return's.</summary>
    private async Task<(Guid OrderId, Guid ReturnId)> ReturnOfADeliveredOrderAsync()
    {
        var (orderId, shipmentId, returnId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(orderId, "CMD-2", Guid.NewGuid(), [new OrderedLine("1", "ROBE-38", 1, 4990)], 390, Camille,
            now.AddDays(-4)));
        object[] delivered = [new ShipmentRecordedForReturns(shipmentId, [new ShippedLine("1", "ROBE-38", 1)]), new DeliveryRecordedForReturns(shipmentId, now.AddDays(-2))];
        order = delivered.Aggregate(order, (state, @event) => state.Next(@event));
        var decision = ReturnDecisions.Request(order, [new RequestedReturnLine("1", 1, "wrong-size")], "original", false, false,
            ReturnsPolicy.For(ShopProfiles.Load("fashion-retail")), returnId, now);
        await using var session = Store.LightweightSession();
        session.Events.StartStream<ReturnableOrder>(orderId, [new OrderRecordedForReturns(orderId, "CMD-2", order.CustomerId, order.Lines, 390, Camille,
            now.AddDays(-4)), .. delivered, .. decision.OrderEvents]);
        session.Events.StartStream<CustomerReturn>(returnId, [.. decision.ReturnEvents, new ReturnLabelAttached("1234", "https://t/1234", now)]);
        await session.SaveChangesAsync();
        return (orderId, returnId);
    }

    private async Task<IReadOnlyList<object>> StreamAsync(Guid id)
    {
        await using var query = Store.QuerySession();
        return (await query.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
    }
}
