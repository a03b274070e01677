using OrderPlatform.Shops;
using Microsoft.Extensions.Configuration;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>Orders, policies and codes as the tests need them.</summary>
internal static class OrderingTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    public static readonly Guid OrderId = Guid.Parse("01a2060d-d942-7f0e-926a-4b159c3e98c0");
    public static readonly Guid CustomerId = Guid.Parse("01a2060d-0000-7000-8000-000000000001");
    public static readonly PostalAddress Home = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "+33612345678");

    public static OrderPolicy Policy(string preset = "fashion-retail") =>
        OrderingProfile.For(ShopProfiles.Load(preset));

    public static readonly Dictionary<string, PricedSku> Prices = new()
    {
        ["ROBE-ETE-38"] = new("ROBE-ETE-38", 5990, "Robe d'été", "maison"),
        ["JEAN-SLIM-40"] = new("JEAN-SLIM-40", 7990, "Jean slim", "maison"),
        ["TSHIRT-M"] = new("TSHIRT-M", 1999, "T-shirt", "maison"),
    };

    public static PlaceOrder Checkout(IReadOnlyList<RequestedLine> lines, PromoCode? promo = null, string carrier = DeliveryOption.MondialRelay,
        string mode = DeliveryOption.RelayPoint) =>
        new(OrderId, CustomerId, lines, Now, Prices, Policy().DeliveryFor(carrier, mode)!, "020340", Home, null, new OrderPayment("card", "tok_1"), promo);

    public static PromoCode Code(string kind, int percent = 0, long amountCents = 0, long minimumBasketCents = 0, int? perCustomer = null,
        int? total = null) =>
        new("BIENVENUE", kind, percent, amountCents, Now.AddDays(-1), Now.AddDays(30), minimumBasketCents, perCustomer, total, [], Now.AddDays(-2));

    /// <summary>An order placed with a dress (line 1) and two pairs of jeans (line 2), then what the given events did to it.</summary>
    public static Order Given(params object[] events)
    {
        var (placed, _) = OrderPlacement.Decide(Checkout([new("ROBE-ETE-38", 1), new("JEAN-SLIM-40", 2)]));
        return events.Aggregate(Order.Create(placed!), (order, @event) => order.Next(@event));
    }

    /// <summary>Folds the decided events into the order, as Marten will.</summary>
    public static Order After(this Order order, IEnumerable<object> events) => events.Aggregate(order, (state, @event) => state.Next(@event));
}
