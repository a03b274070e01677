using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>The recipient as the carrier will print it on the label.</summary>
public sealed record RecipientInput(string? FirstName, string? LastName, string? Line1, string? Line2, string? PostalCode, string? City, string? Country,
    string? Phone);

/// <summary>A label the carrier refused for good goes to ops with its reason; they correct the recipient and the label is asked for again.</summary>
public static class RecipientCorrectionEndpoint
{
    public static RouteGroupBuilder MapRecipientCorrection(this RouteGroupBuilder ops)
    {
        ops.MapPut("/shipments/{shipmentId:guid}/recipient", CorrectAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CorrectShipmentRecipient")
            .WithSummary("Ops: correct the recipient of a parcel whose label the carrier refused (label-refused), then ask for the label again; for a return parcel, the customer it leaves from")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return ops;
    }

    private static async Task<Results<Ok<ShipmentView>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectAsync(Guid shipmentId, RecipientInput input,
        IDocumentStore store, LabelBooking booking, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Shipment>(shipmentId, cancellationToken);
            if (stream.Aggregate is not { } shipment)
            {
                return TypedResults.NotFound();
            }

            var recipient = new PostalAddress(input.FirstName?.Trim(), input.LastName?.Trim(), input.Line1?.Trim() ?? "", input.Line2?.Trim(),
                input.PostalCode?.Trim().ToUpperInvariant() ?? "", input.City?.Trim() ?? "", input.Country?.Trim().ToUpperInvariant() ?? shipment.Recipient.Country,
                string.IsNullOrWhiteSpace(input.Phone) ? shipment.Recipient.Phone : input.Phone.Trim());
            var (events, invalid, conflict) = ShippingDecisions.CorrectRecipient(shipment, recipient, time.GetUtcNow());
            if (invalid is not null)
            {
                return TypedResults.ValidationProblem(invalid);
            }

            if (conflict is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This parcel's recipient cannot change.", detail: conflict);
            }

            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }

        // Asked at once; when the carrier is down the label scan keeps trying, as for any parcel.
        return await booking.BookAsync(shipmentId, cancellationToken) is { } booked ? TypedResults.Ok(ShipmentView.Of(booked)) : TypedResults.NotFound();
    }
}
