using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>
/// Every order status, walked: each one is either an end (nothing moves it any more) or waits for a named
/// event or deadline whose decision moves it on [ALL-07].
/// </summary>
public sealed class OrderLifeTests
{
    private static readonly OrderPolicy Fashion = Policy();
    private static readonly OrderPolicy Japan = Policy("japan-import");
    private static readonly Guid Parcel = Guid.NewGuid();

    public static TheoryData<string> Statuses() => new(OrderStatus.All);

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_is_an_end_or_waits_for_what_moves_it_on_ALL_07(string status)
    {
        var order = InStatus(status);
        Assert.Equal(status, order.Status);

        if (status is OrderStatus.PaymentRefused or OrderStatus.Cancelled or OrderStatus.Completed or OrderStatus.Refunded)
        {
            // An end: no event or deadline decides anything more.
            Assert.Empty(OrderProcess.OnPaymentAuthorized(order, 22360, "card", Now.AddDays(1), Fashion));
            Assert.Empty(OrderProcess.HandOff(order, Now.AddDays(40)));
            Assert.Empty(OrderProcess.Complete(order, Now.AddDays(400), Fashion));
            Assert.NotNull(OrderProcess.Cancel(order, Now.AddDays(1), Japan).Refusal);
            Assert.Empty(OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(400)));
            return;
        }

        var (what, moved) = MoveOn(order);
        Assert.True(order.After(moved).Status != status, $"{status} should move on when {what}");
    }

    public static TheoryData<string> MultiParcelHistories() => new(["first parcel delivered, the rest missing", "a parcel lost", "an escalated payment"]);

    /// <summary>Histories of several parcels, or a payment held, walked to their end: each reaches a terminal status [ALL-07].</summary>
    [Theory]
    [MemberData(nameof(MultiParcelHistories))]
    public void A_multi_parcel_history_reaches_an_end_ALL_07(string history)
    {
        var placed = Given(new StockReservedForLines(["1", "2"], Now));
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var jeans = preparing.After(OrderProcess.OnShipped(preparing, Shipment(new ShippedLine("2", "JEAN-SLIM-40", 2))));
        var end = history switch
        {
            "first parcel delivered, the rest missing" => Walk(jeans,
                order => OrderProcess.OnDelivered(order, Parcel, Now.AddDays(3)),
                order => OrderProcess.OnLinesFoundMissing(order, ["1"], Now.AddDays(4))),
            "a parcel lost" => Walk(jeans,
                order => OrderProcess.OnLinesFoundMissing(order, ["1"], Now.AddDays(2)),
                order => OrderProcess.OnParcelReturned(order, Parcel, OrderStatus.LostReason, Now.AddDays(30), Now.AddDays(30), Fashion)!,
                order => OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(30) + Fashion.ReturnedParcelHold)),
            _ => Walk(confirmed,
                order => OrderProcess.OnPaymentEscalated(order, "re-authorisation refused", Now.AddMinutes(5)),
                order => OrderProcess.CancelByOperations(order, Now.AddDays(1)).Events),
        };

        Assert.True(OrderStatus.IsTerminal(end.Status), $"{history}: ended {end.Status}");
    }

    private static Order Walk(Order order, params Func<Order, IReadOnlyList<object>>[] steps) =>
        steps.Aggregate(order, (current, step) => current.After(step(current)));

    /// <summary>What a status waits for, and the events its decision gives.</summary>
    private static (string What, IReadOnlyList<object> Events) MoveOn(Order order) => order.Status switch
    {
        OrderStatus.Placed => ("the payment is authorised (or refused)", OrderProcess.OnPaymentAuthorized(order, 22360, "card", Now, Fashion)),
        OrderStatus.Confirmed => ("the hand-off deadline passes", OrderProcess.HandOff(order, Now + Fashion.HandOffDelay)),
        OrderStatus.Backordered => ("the missing stock arrives", OrderProcess.OnStockReserved(order, ["2"], Now.AddDays(3), Japan)),
        OrderStatus.Preparing => ("the warehouse ships or finds lines missing", OrderProcess.OnLinesFoundMissing(order, ["1", "2"], Now.AddDays(1))),
        OrderStatus.PartiallyShipped => ("the rest ships or is found missing", OrderProcess.OnLinesFoundMissing(order, ["1"], Now.AddDays(1))),
        OrderStatus.Shipped => ("the carrier delivers", OrderProcess.OnDelivered(order, Parcel, Now.AddDays(3))),
        OrderStatus.ReturnedToWarehouse => ("ops send it again, or its settle-by date passes", OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(30))),
        OrderStatus.ParcelLost => ("ops send it again, or its settle-by date passes", OrderProcess.RefundUnclaimedParcels(order, Now.AddDays(30))),
        OrderStatus.Delivered => ("the return window closes", OrderProcess.Complete(order, Now.AddDays(3) + (Fashion.ReturnWindow ?? TimeSpan.FromDays(14)), Fashion)),
        _ => throw new InvalidOperationException($"{order.Status} has no way on"),
    };

    private static Order InStatus(string status)
    {
        var placed = Given(new StockReservedForLines(["1", "2"], Now));
        var confirmed = placed.After(OrderProcess.OnPaymentAuthorized(placed, 22360, "card", Now, Fashion));
        var preparing = confirmed.After(OrderProcess.HandOff(confirmed, Now.AddHours(1)));
        var partly = preparing.After(OrderProcess.OnShipped(preparing, Shipment(new ShippedLine("2", "JEAN-SLIM-40", 2))));
        var shipped = preparing.After(OrderProcess.OnShipped(preparing,
            Shipment(new ShippedLine("1", "ROBE-ETE-38", 1), new ShippedLine("2", "JEAN-SLIM-40", 2))));
        var delivered = shipped.After(OrderProcess.OnDelivered(shipped, Parcel, Now.AddDays(3)));
        var returned = shipped.After(OrderProcess.OnParcelReturned(shipped, Parcel, ParcelReturnedToWarehouse.Uncollected, Now.AddDays(20), Now.AddDays(20),
            Fashion)!);
        return status switch
        {
            OrderStatus.Placed => placed,
            OrderStatus.PaymentRefused => placed.After(OrderProcess.OnPaymentRefused(placed, "card_declined", Now)),
            OrderStatus.Confirmed => confirmed,
            OrderStatus.Backordered => Backordered(),
            OrderStatus.Preparing => preparing,
            OrderStatus.PartiallyShipped => partly,
            OrderStatus.Shipped => shipped,
            OrderStatus.Delivered => delivered,
            OrderStatus.Cancelled => preparing.After(OrderProcess.OnLinesFoundMissing(preparing, ["1", "2"], Now.AddDays(1))),
            OrderStatus.Completed => delivered.After(OrderProcess.Complete(delivered, Now.AddDays(60), Fashion)),
            OrderStatus.ReturnedToWarehouse => returned,
            OrderStatus.Refunded => returned.After(OrderProcess.RefundUnclaimedParcels(returned, Now.AddDays(30))),
            OrderStatus.ParcelLost => shipped.After(OrderProcess.OnParcelReturned(shipped, Parcel, OrderStatus.LostReason, Now.AddDays(20), Now.AddDays(20),
                Fashion)!),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    private static Order Backordered()
    {
        var order = Given(new PaymentAuthorizationRecorded(22360, "card", Now), new StockReservedForLines(["1"], Now));
        return order.After(OrderProcess.OnStockBackordered(order, ["2"], Now, Japan));
    }

    private static OrderShipped Shipment(params ShippedLine[] lines) =>
        new(OrderId, Parcel, lines, Now.AddDays(1), "la-poste", "6A123", "https://t");
}
