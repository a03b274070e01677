using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

public sealed record TrackingEventView(string Status, DateTimeOffset At, string? Code, string Label, string? RelayId, string? Location);

/// <summary>A carrier event to query with the carrier: in the future (set aside), or before the parcel left (applied, flagged).</summary>
public sealed record DoubtedEventView(string Status, DateTimeOffset At, string? Code, string Label, string Reason, DateTimeOffset NoticedAt);

/// <summary>A shipment as the customer ("track my parcel", JI-11) and operations see it.</summary>
public sealed record ShipmentView(Guid ShipmentId, Guid OrderId, string OrderNumber, string Carrier, string Mode, string? PickupPointId, string Status,
    DateTimeOffset StatusAt, string? TrackingNumber, string? TrackingUrl, IReadOnlyList<ShippedLine> Lines, DateTimeOffset CreatedAt, DateTimeOffset? ShippedAt,
    DateTimeOffset? HoldUntil, DateTimeOffset? DeliveredAt, DateTimeOffset? ReturnedAt, string? LabelProblem, DateTimeOffset? NextLabelAttemptAt,
    IReadOnlyList<TrackingEventView> Events, IReadOnlyList<DoubtedEventView>? DoubtedEvents = null)
{
    public static ShipmentView Of(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return new ShipmentView(shipment.Id, shipment.OrderId, shipment.OrderNumber, shipment.Carrier, shipment.Mode, shipment.PickupPointId, shipment.Status,
            shipment.StatusAt, shipment.TrackingNumber, shipment.TrackingUrl, shipment.Lines, shipment.CreatedAt, shipment.ShippedAt, shipment.HoldUntil,
            shipment.DeliveredAt, shipment.ReturnedAt, shipment.LabelProblem,
            shipment.Status == ShipmentStatus.AwaitingLabel ? shipment.NextLabelAttemptAt : null,
            shipment.Tracking.OrderBy(e => e.At).Select(e => new TrackingEventView(e.Status, e.At, e.Code, e.Label, e.RelayId, e.Location)).ToList(),
            (shipment.Doubted ?? []).Select(doubted => new DoubtedEventView(doubted.Event.Status, doubted.Event.At, doubted.Event.Code, doubted.Event.Label,
                doubted.Reason, doubted.At)).ToList());
    }
}

public static class ShipmentEndpoints
{
    public static RouteGroupBuilder MapShipments(this RouteGroupBuilder shipping)
    {
        shipping.MapGet("/shipments/{shipmentId:guid}", GetAsync).RequireAuthorization()
            .WithName("GetShipment").WithSummary("A shipment with its tracking events and link (its customer or ops) [FR-03, JI-11]");
        shipping.MapGet("/orders/{orderId:guid}/shipments", ListForOrderAsync).RequireAuthorization()
            .WithName("ListOrderShipments").WithSummary("Track my parcels: every shipment of an order (its customer or ops) [JI-11]");
        shipping.MapPost("/shipments/{shipmentId:guid}/received", ReceivedAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("ConfirmParcelReceived")
            .WithSummary("The buyer says a parcel a seller sent with its own carrier arrived (no carrier tells us) [MP-08]; 409 for our carriers' parcels")
            .ProducesProblem(StatusCodes.Status409Conflict);
        shipping.MapGet("/shipments/{shipmentId:guid}/label", LabelAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetShipmentLabel").WithSummary("Warehouse: the carrier's label to print again (PDF, or a redirect to the carrier's copy)");
        return shipping;
    }

    public static RouteGroupBuilder MapShipmentOperations(this RouteGroupBuilder ops)
    {
        ops.MapGet("/shipments", ListAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListShipmentsForOps").WithSummary("Shipments by status, oldest status first: awaiting-label with the carrier's reason, parcels held for pickup…");
        ops.MapGet("/late", LateAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListLateLines").WithSummary("Lines not shipped within their seller's own delay, most overdue first [MP-08]");
        ops.MapPost("/shipments/{shipmentId:guid}/label", RetryLabelAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("RetryShipmentLabel").WithSummary("Ops: ask the carrier for the label now (after fixing what it refused)");
        return ops;
    }

    private static async Task<Results<Ok<ShipmentView>, NotFound>> GetAsync(Guid shipmentId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<Shipment>(shipmentId, cancellationToken) is { } shipment && CanSee(user, shipment.CustomerId)
            ? TypedResults.Ok(ShipmentView.Of(shipment))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ShipmentView>>, NotFound>> ListForOrderAsync(Guid orderId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken)
    {
        var order = await session.LoadAsync<OrderToShip>(orderId, cancellationToken);
        if (order is null || !CanSee(user, order.CustomerId))
        {
            return TypedResults.NotFound();
        }

        var shipments = await session.Query<Shipment>().Where(shipment => shipment.OrderId == orderId).OrderBy(shipment => shipment.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ShipmentView>>(shipments.Select(ShipmentView.Of).ToList());
    }

    private static async Task<Results<Ok<ShipmentView>, NotFound, ProblemHttpResult>> ReceivedAsync(Guid shipmentId, ClaimsPrincipal user, IDocumentStore store,
        TrackingScan tracking, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var session = store.QuerySession())
        {
            if (await session.LoadAsync<Shipment>(shipmentId, cancellationToken) is not { ReturnId: null } shipment || shipment.CustomerId != user.CustomerId())
            {
                return TypedResults.NotFound();
            }

            if (!OwnCarriers.IsOwn(shipment.Carrier))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The carrier tells us when this parcel is delivered.");
            }
        }

        var now = time.GetUtcNow();
        await tracking.DecideAsync(shipmentId, current => [.. ShippingDecisions.OnTracking(current, OwnCarriers.Arrival(current, now, true), now)], now,
            cancellationToken);
        await using var reader = store.QuerySession();
        return TypedResults.Ok(ShipmentView.Of((await reader.LoadAsync<Shipment>(shipmentId, cancellationToken))!));
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> LabelAsync(Guid shipmentId, IQuerySession session,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<Shipment>(shipmentId, cancellationToken) is { } shipment
            ? await LabelOfAsync(session, shipment, cancellationToken)
            : TypedResults.NotFound();

    /// <summary>The shipment's label: the PDF we keep, or a redirect to the carrier's copy; none before the carrier booked it.</summary>
    public static async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> LabelOfAsync(IQuerySession session, Shipment shipment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.LabelStored && await session.LoadAsync<ShipmentLabel>(shipment.Id, cancellationToken) is { } label)
        {
            return TypedResults.File(label.Pdf, "application/pdf", $"{shipment.TrackingNumber}.pdf");
        }

        return shipment.LabelUrl is { } url ? TypedResults.Redirect(url) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<ShipmentView>>, ValidationProblem>> ListAsync(IQuerySession session, CancellationToken cancellationToken,
        string? status = null, int limit = 100)
    {
        if (status is not null && !ShipmentStatus.All.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", ShipmentStatus.All)}."] });
        }

        var query = session.Query<Shipment>().AsQueryable();
        if (status is not null)
        {
            query = query.Where(shipment => shipment.Status == status);
        }

        var shipments = await query.OrderBy(shipment => shipment.StatusAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ShipmentView>>(shipments.Select(ShipmentView.Of).ToList());
    }

    /// <summary>Orders that reached the warehouse in the last 90 days; older open lines are a matter for support, not this list.</summary>
    private static async Task<Ok<IReadOnlyList<LateLine>>> LateAsync(IQuerySession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-90);
        var orders = await session.Query<OrderToShip>().Where(order => order.HandedOffAt >= since).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LateLine>>(orders.SelectMany(order => ShippingDecisions.LateLines(order, now)).OrderBy(line => line.DueBy).ToList());
    }

    private static async Task<Results<Ok<ShipmentView>, NotFound>> RetryLabelAsync(Guid shipmentId, LabelBooking booking, CancellationToken cancellationToken) =>
        await booking.BookAsync(shipmentId, cancellationToken) is { } shipment ? TypedResults.Ok(ShipmentView.Of(shipment)) : TypedResults.NotFound();

    private static bool CanSee(ClaimsPrincipal user, Guid? customerId) => user.IsOps() || (customerId is { } owner && owner == user.CustomerId());
}
