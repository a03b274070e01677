using OrderPlatform.Shops;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>
/// A paid order as its seller sees it: its own lines and parcels. No delivery address: the label the seller prints carries it, so the
/// buyer's address is not handed out in lists.
/// </summary>
public sealed record SellerOrderView(Guid OrderId, string OrderNumber, DateTimeOffset PaidAndHandedAt, string Carrier, string Mode,
    IReadOnlyList<SellerLine> Lines, IReadOnlyList<ShipmentView> Shipments);

/// <summary>
/// A marketplace seller's own orders: it sees only its lines of paid orders, ships them in its own parcels with a label booked through our
/// carriers, and prints the label [MP-06, MP-08]. Another seller's order, line or parcel is unknown here (404).
/// </summary>
public static class SellerOrderEndpoints
{
    public static RouteGroupBuilder MapSellerOrders(this RouteGroupBuilder shipping)
    {
        var seller = shipping.MapGroup("/seller").RequireAuthorization(PlatformAuthentication.Seller);
        seller.MapGet("/orders", ListAsync).WithName("ListMySellerOrders")
            .WithSummary("My lines of paid orders, oldest first: by default those left to ship, late ones flagged [MP-06, MP-08]");
        seller.MapGet("/orders/{orderId}", GetAsync).WithName("GetMySellerOrder").WithSummary("My lines of one order and my parcels for it [MP-06]");
        seller.MapPost("/orders/{orderId}/shipments", ShipAsync).WithName("ShipMyLines")
            .WithSummary("Ship some of my lines in my own parcel — a label booked with the order's carrier, or (home delivery) my own carrier's tracking number — and declare those I cannot supply [MP-08, FR-07]")
            .WithDescription("An optional Idempotency-Key header makes a retried request return the same shipment instead of shipping twice.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        seller.MapGet("/shipments/{shipmentId}/label", LabelAsync).WithName("GetMyShipmentLabel")
            .WithSummary("The label of one of my parcels, to print (PDF, or a redirect to the carrier's copy)");
        return shipping;
    }

    private static async Task<Ok<IReadOnlyList<SellerOrderView>>> ListAsync(ClaimsPrincipal user, IQuerySession session, TimeProvider time,
        CancellationToken cancellationToken, bool open = true)
    {
        var sellerId = user.SellerId()!;
        var now = time.GetUtcNow();
        var since = now.AddDays(-90);
        var orders = await session.Query<OrderToShip>().Where(order => order.HandedOffAt >= since && order.Lines.Any(line => line.SellerId == sellerId))
            .OrderBy(order => order.HandedOffAt).Take(500).ToListAsync(cancellationToken);
        var views = new List<SellerOrderView>();
        foreach (var order in orders.Where(order => !open || SellerOrders.LinesOf(order, sellerId, now).Any(line => line.LeftToShip > 0)))
        {
            views.Add(await ViewAsync(session, order, sellerId, now, cancellationToken));
        }

        return TypedResults.Ok<IReadOnlyList<SellerOrderView>>(views);
    }

    private static async Task<Results<Ok<SellerOrderView>, NotFound>> GetAsync(string orderId, ClaimsPrincipal user, IQuerySession session, TimeProvider time,
        CancellationToken cancellationToken) =>
        await SellersOrderAsync(session, orderId, user.SellerId()!, cancellationToken) is { } order
            ? TypedResults.Ok(await ViewAsync(session, order, user.SellerId()!, time.GetUtcNow(), cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ShipResult>, Ok<ShipResult>, ValidationProblem, ProblemHttpResult>> ShipAsync(string orderId,
        ShipRequest request, ClaimsPrincipal user, IDocumentStore store, LabelBooking booking, ShopProfile shop, TimeProvider time,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var sellerId = user.SellerId()!;
        if (request.OwnCarrier is { } ownCarrier && OwnCarriers.Validate(ownCarrier) is { Count: > 0 } invalid)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        await using (var session = store.QuerySession())
        {
            if (await SellersOrderAsync(session, orderId, sellerId, cancellationToken) is not { } order)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "You have no line in this order to ship.");
            }

            if (request.OwnCarrier is not null && OwnCarriers.WhyNot(order) is { } relayOnly)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: relayOnly);
            }
        }

        return await ShipEndpoint.ShipLinesAsync(Guid.Parse(orderId), request, sellerId, store, booking, shop, time, idempotencyKey, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> LabelAsync(string shipmentId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellationToken)
    {
        var sellerId = user.SellerId()!;
        if (!Guid.TryParse(shipmentId, out var id) || await session.LoadAsync<Shipment>(id, cancellationToken) is not { ReturnId: null } shipment
            || await session.LoadAsync<OrderToShip>(shipment.OrderId, cancellationToken) is not { } order || !SellerOrders.IsParcelOf(shipment, order, sellerId))
        {
            return TypedResults.NotFound();
        }

        return await ShipmentEndpoints.LabelOfAsync(session, shipment, cancellationToken);
    }

    private static async Task<OrderToShip?> SellersOrderAsync(IQuerySession session, string orderId, string sellerId, CancellationToken cancellationToken) =>
        Guid.TryParse(orderId, out var id) && await session.LoadAsync<OrderToShip>(id, cancellationToken) is { } order && SellerOrders.HasLinesOf(order, sellerId)
            ? order
            : null;

    private static async Task<SellerOrderView> ViewAsync(IQuerySession session, OrderToShip order, string sellerId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var shipments = await session.LoadManyAsync<Shipment>(cancellationToken, order.Shipments.ToArray());
        return new SellerOrderView(order.Id, order.OrderNumber, order.HandedOffAt, order.Delivery.Carrier, order.Delivery.Mode,
            SellerOrders.LinesOf(order, sellerId, now),
            shipments.Where(shipment => SellerOrders.IsParcelOf(shipment, order, sellerId)).OrderBy(shipment => shipment.CreatedAt).Select(ShipmentView.Of).ToList());
    }
}
