using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.Sandboxes.Carriers;

/// <param name="Code">La Poste: a Suivi v2 code (DI1, AG1…). Mondial Relay: collected, in-transit, out-for-delivery, at-relay, delivered, returned, anomaly.</param>
/// <param name="At">When it happened; may be in the past (a parcel waiting at a relay point for 16 days).</param>
/// <param name="RelayId">The relay point or post office holding the parcel; the one chosen at checkout when absent.</param>
/// <param name="Label">Mondial Relay only: the free text its tracing shows, to try what the recogniser makes of it.</param>
public sealed record ParcelEventRequest(string? Code, DateTimeOffset? At, string? RelayId, string? Label, string? Location);

public sealed record OutageRequest(int Count);

/// <summary>What tests script: parcels move through carrier events at chosen times; carriers go down for a few calls.</summary>
public static class CarrierControl
{
    public static void MapCarrierSandboxes(this WebApplication app)
    {
        var carriers = app.MapGroup("/carriers").WithTags("Carrier sandboxes");
        carriers.MapMondialRelayWsi();
        carriers.MapMondialRelayConnect();
        carriers.MapColissimo();

        carriers.MapPost("/{carrier}/parcels/{trackingNumber}/events", AddEvent);
        carriers.MapGet("/{carrier}/parcels/{trackingNumber}", Results<Ok<SandboxParcel>, NotFound> (string carrier, string trackingNumber, CarrierLedger ledger) =>
            ledger.Parcel(carrier, trackingNumber) is { } parcel ? TypedResults.Ok(parcel) : TypedResults.NotFound());
        carriers.MapPost("/{carrier}/control/outage", Results<NoContent, ValidationProblem> (string carrier, OutageRequest request, CarrierLedger ledger) =>
        {
            if (carrier is not (CarrierLedger.MondialRelay or CarrierLedger.LaPoste) || request.Count < 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["A known carrier and a count ≥ 0."] });
            }

            ledger.ScriptOutage(carrier, request.Count);
            return TypedResults.NoContent();
        });
    }

    private static Results<Ok<SandboxParcel>, NotFound, ValidationProblem> AddEvent(string carrier, string trackingNumber, ParcelEventRequest request,
        CarrierLedger ledger)
    {
        var known = carrier == CarrierLedger.MondialRelay ? MondialRelayWsi.Libelles : Colissimo.Labels;
        if (request.Code is null || !known.TryGetValue(request.Code, out var label))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [$"One of {string.Join(", ", known.Keys)}."] });
        }

        if (ledger.Parcel(carrier, trackingNumber) is not { } parcel)
        {
            return TypedResults.NotFound();
        }

        var relay = request.RelayId ?? (request.Code is "at-relay" or "AG1" ? parcel.RelayId : null);
        var moved = ledger.AddEvent(carrier, trackingNumber, new SandboxParcelEvent(request.Code,
            carrier == CarrierLedger.MondialRelay && request.Label is { Length: > 0 } text ? text : label, request.At ?? ledger.Now, relay, request.Location));
        return TypedResults.Ok(moved!);
    }
}
