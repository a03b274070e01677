using OrderPlatform.Shops;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <param name="Lines">What goes into this parcel: line and quantity.</param>
/// <param name="Unavailable">Lines the warehouse could not find: never shipped, never charged [FR-07].</param>
/// <param name="OwnCarrier">A marketplace seller's own carrier and tracking number, instead of a label booked with the order's carrier [MP-08].</param>
public sealed record ShipRequest(IReadOnlyList<ShipRequestLine>? Lines, IReadOnlyList<string>? Unavailable, OwnCarrierParcel? OwnCarrier = null);

/// <summary>The parcel made (none when only missing lines were declared) and the lines now known missing.</summary>
public sealed record ShipResult(ShipmentView? Shipment, IReadOnlyList<string> MissingLines);

/// <summary>The warehouse ships some lines of an order and declares the ones it cannot find.</summary>
public static class ShipEndpoint
{
    public static RouteGroupBuilder MapShipping(this RouteGroupBuilder shipping)
    {
        shipping.MapPost("/orders/{orderId:guid}/shipments", ShipAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ShipOrderLines")
            .WithSummary("Warehouse: ship some lines (a label is booked at once, or retried while the carrier is down) and declare missing ones [FR-07, FR-26]")
            .WithDescription("An optional Idempotency-Key header makes a retried request return the same shipment instead of shipping twice.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return shipping;
    }

    private static Task<Results<Created<ShipResult>, Ok<ShipResult>, ValidationProblem, ProblemHttpResult>> ShipAsync(
        Guid orderId, ShipRequest request, IDocumentStore store, LabelBooking booking, ShopProfile shop, TimeProvider time,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken) =>
        request.OwnCarrier is not null
            ? Task.FromResult<Results<Created<ShipResult>, Ok<ShipResult>, ValidationProblem, ProblemHttpResult>>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["ownCarrier"] = ["The warehouse ships with the order's carrier: a label is booked."] }))
            : ShipLinesAsync(orderId, request, sellerId: null, store, booking, shop, time, idempotencyKey, cancellationToken);

    /// <summary>Ships the lines asked for, by the warehouse or (<paramref name="sellerId"/>) by a marketplace seller, its own lines only [MP-08].</summary>
    public static async Task<Results<Created<ShipResult>, Ok<ShipResult>, ValidationProblem, ProblemHttpResult>> ShipLinesAsync(
        Guid orderId, ShipRequest request, string? sellerId, IDocumentStore store, LabelBooking booking, ShopProfile shop, TimeProvider time,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(time);
        var shipmentId = idempotencyKey is { Length: > 0 } key ? ShipmentIdFor(orderId, key) : Guid.CreateVersion7();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<OrderToShip>(orderId, cancellationToken);
            if (stream.Aggregate is not { } order)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order is not with the warehouse.",
                    detail: "Shipping has not received it from Ordering: it does not exist, or it is not confirmed and handed to logistics yet.");
            }

            if (order.Shipments.Contains(shipmentId))
            {
                // The same Idempotency-Key again: the shipment already made.
                var existing = await session.LoadAsync<Shipment>(shipmentId, cancellationToken);
                return TypedResults.Ok(new ShipResult(existing is null ? null : ShipmentView.Of(existing), Shown(order, order.MissingLines, sellerId)));
            }

            var decision = ShippingDecisions.Ship(order, request.Lines ?? [], request.Unavailable ?? [], shipmentId, time.GetUtcNow(),
                oneSellerPerParcel: shop.Sellers, sellerId);
            if (decision.Invalid is { } invalid)
            {
                return TypedResults.ValidationProblem(invalid);
            }

            if (decision.Conflict is { } conflict)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "These lines cannot ship.", detail: conflict);
            }

            stream.AppendMany(decision.OrderEvents);
            var (parcel, handed) = (decision.Shipment, (IReadOnlyList<object>)[]);
            if (parcel is not null && request.OwnCarrier is { } ownCarrier)
            {
                // The seller's own carrier took it: its tracking number is the label, nothing is booked [MP-08].
                (parcel, handed) = OwnCarriers.Handed(parcel, ownCarrier, time.GetUtcNow());
            }

            if (parcel is not null)
            {
                session.Events.StartStream<Shipment>(parcel.ShipmentId, [parcel, .. handed]);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                continue; // another parcel of this order was packed meanwhile: decide again on what is left
            }

            var missing = Shown(order, decision.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event)).MissingLines, sellerId);
            if (decision.Shipment is null)
            {
                return TypedResults.Ok(new ShipResult(null, missing));
            }

            // The carrier is asked at once; when it fails the shipment waits as awaiting-label and the scan tries again.
            var shipment = handed.Count > 0
                ? handed.Aggregate(Shipment.Create(parcel!), (state, @event) => state.Next(@event))
                : await booking.BookAsync(shipmentId, cancellationToken) ?? Shipment.Create(parcel!);
            return TypedResults.Created($"/api/shipping/shipments/{shipmentId}", new ShipResult(ShipmentView.Of(shipment), missing));
        }
    }

    /// <summary>The missing lines a seller is told of: its own.</summary>
    private static IReadOnlyList<string> Shown(OrderToShip order, IReadOnlyList<string> missing, string? sellerId) =>
        sellerId is null ? missing : missing.Where(id => order.Lines.Any(line => line.LineId == id && line.SellerId == sellerId)).ToList();

    /// <summary>The same order and key always name the same shipment, so a retried request finds the first one.</summary>
    public static Guid ShipmentIdFor(Guid orderId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{orderId:N}/{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
