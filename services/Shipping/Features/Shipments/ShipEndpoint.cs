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
public sealed record ShipRequest(IReadOnlyList<ShipRequestLine>? Lines, IReadOnlyList<string>? Unavailable);

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

    private static async Task<Results<Created<ShipResult>, Ok<ShipResult>, ValidationProblem, ProblemHttpResult>> ShipAsync(
        Guid orderId, ShipRequest request, IDocumentStore store, LabelBooking booking, MerchantPreset preset, TimeProvider time,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
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
                return TypedResults.Ok(new ShipResult(existing is null ? null : ShipmentView.Of(existing), order.MissingLines));
            }

            var decision = ShippingDecisions.Ship(order, request.Lines ?? [], request.Unavailable ?? [], shipmentId, time.GetUtcNow(),
                oneSellerPerParcel: preset.Name == MerchantPreset.Marketplace);
            if (decision.Invalid is { } invalid)
            {
                return TypedResults.ValidationProblem(invalid);
            }

            if (decision.Conflict is { } conflict)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "These lines cannot ship.", detail: conflict);
            }

            stream.AppendMany(decision.OrderEvents);
            if (decision.Shipment is { } started)
            {
                session.Events.StartStream<Shipment>(started.ShipmentId, started);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                continue; // another parcel of this order was packed meanwhile: decide again on what is left
            }

            var missing = decision.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event)).MissingLines;
            if (decision.Shipment is null)
            {
                return TypedResults.Ok(new ShipResult(null, missing));
            }

            // The carrier is asked at once; when it fails the shipment waits as awaiting-label and the scan tries again.
            var shipment = await booking.BookAsync(shipmentId, cancellationToken) ?? Shipment.Create(decision.Shipment);
            return TypedResults.Created($"/api/shipping/shipments/{shipmentId}", new ShipResult(ShipmentView.Of(shipment), missing));
        }
    }

    /// <summary>The same order and key always name the same shipment, so a retried request finds the first one.</summary>
    public static Guid ShipmentIdFor(Guid orderId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{orderId:N}/{idempotencyKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
