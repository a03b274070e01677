using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Shipping.Carriers;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>
/// Polls the carriers for every parcel on its way (neither carrier pushes events to us in PROVIDERS.md),
/// records what is new, and sends back to the warehouse every parcel whose 15 days at a relay point or
/// post office have run out [FR-10, FR-11]; a parcel the carrier has been silent about goes to an inquiry, then is lost [ALL-07].
/// A carrier that does not answer is asked again next time.
/// </summary>
public sealed partial class TrackingScan(IDocumentStore store, CarrierDirectory carriers, IOptions<ShippingOptions> options, TimeProvider time,
    ILogger<TrackingScan> logger) : DeadlineScan(time, logger)
{
    private static readonly string[] Travelling =
    [
        ShipmentStatus.LabelCreated, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.AvailableForPickup, ShipmentStatus.NoticeLeft,
        ShipmentStatus.Inquiry,
    ];

    private readonly ILogger<TrackingScan> logger = logger;

    protected override TimeSpan Interval => options.Value.TrackingPollInterval;

    protected override string What => "shipments whose tracking moved";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => PollAsync(now, cancellationToken);

    /// <summary>One round: every travelling parcel's tracking read and applied, every lapsed hold ended; how many shipments moved.</summary>
    public async Task<int> PollAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<Shipment> travelling;
        await using (var query = store.QuerySession())
        {
            travelling = await query.Query<Shipment>().Where(shipment => shipment.Status.IsOneOf(Travelling))
                .OrderBy(shipment => shipment.StatusAt).Take(500).ToListAsync(cancellationToken);
        }

        var moved = 0;
        foreach (var shipment in travelling)
        {
            try
            {
                moved += await PollOneAsync(shipment, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One parcel whose news cannot be read or written this round must not keep every later parcel from being read.
                LogNotRecorded(e, shipment.Id);
            }
        }

        return moved;
    }

    private async Task<bool> PollOneAsync(Shipment shipment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (OwnCarriers.IsOwn(shipment.Carrier))
        {
            // No adapter reads a seller's own carrier: the parcel is presumed delivered once its time has passed, unless the buyer said so first.
            return await DecideAsync(shipment.Id, current => [.. ShippingDecisions.OnTracking(current, OwnCarriers.Arrival(current, now, false), now)], now,
                cancellationToken);
        }

        IReadOnlyList<TrackingEvent> reported;
        try
        {
            reported = await carriers.For(shipment.Carrier)!.ReadTrackingAsync(shipment.TrackingNumber!, cancellationToken);
        }
        catch (Exception e) when (e is CarrierUnavailableException or CarrierRejectedException)
        {
            LogUnread(shipment.Id, shipment.Carrier, e.Message);
            reported = [];
        }

        var recorded = reported.Select(e => new TrackingEventRecorded(e.Status, e.At, e.Code, e.Label, e.RelayId, e.Location)).ToList();
        return await DecideAsync(shipment.Id, current => [.. ShippingDecisions.OnTracking(current, recorded, now)], now, cancellationToken);
    }

    /// <summary>Applies what the carrier said, then the hold's end, on the latest shipment; true when anything changed.</summary>
    public async Task<bool> DecideAsync(Guid shipmentId, Func<Shipment, IReadOnlyList<object>> decide, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Shipment>(shipmentId, cancellationToken);
            if (stream.Aggregate is not { } shipment)
            {
                return false;
            }

            var events = decide(shipment).ToList();
            var after = events.Aggregate(shipment, (state, @event) => state.Next(@event));
            events.AddRange(ShippingDecisions.OnHoldExpiry(after, now));
            after = events.Aggregate(shipment, (state, @event) => state.Next(@event));
            events.AddRange(ShippingDecisions.OnSilence(after, now, options.Value.InquiryAfter, options.Value.LostAfterInquiry));
            if (events.Count == 0)
            {
                return false;
            }

            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // The label scan or another poll wrote meanwhile: decide again on the newer shipment.
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Shipment {ShipmentId}: its tracking could not be recorded this time")]
    private partial void LogNotRecorded(Exception error, Guid shipmentId);

    [LoggerMessage(LogLevel.Warning, "Shipment {ShipmentId}: {Carrier} tracking unread this time ({Reason})")]
    private partial void LogUnread(Guid shipmentId, string carrier, string reason);
}
