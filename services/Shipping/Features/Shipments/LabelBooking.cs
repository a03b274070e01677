using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.Shipping.Carriers;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Features.Shipments;

/// <summary>
/// Books a shipment's label with its carrier. The shipment is stored before the carrier is called, so an
/// outage loses nothing: the shipment stays <c>awaiting-label</c> and <see cref="LabelScan"/> tries again.
/// One booking per shipment at a time (an advisory lock), so the endpoint and the scan never book twice.
/// </summary>
public sealed partial class LabelBooking(IDocumentStore store, CarrierDirectory carriers, IOptions<ShippingOptions> options, TimeProvider time,
    ILogger<LabelBooking> logger)
{
    /// <summary>The shipment after the attempt; null when there is no such shipment.</summary>
    public async Task<Shipment?> BookAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["label:" + shipmentId], cancellationToken);
        var stream = await session.Events.FetchForWriting<Shipment>(shipmentId, cancellationToken);
        if (stream.Aggregate is not { Status: ShipmentStatus.AwaitingLabel } shipment)
        {
            return stream.Aggregate;
        }

        IReadOnlyList<object> events;
        try
        {
            var carrier = carriers.For(shipment.Carrier) ?? throw new CarrierRejectedException("unknown-carrier", $"No carrier {shipment.Carrier} is configured.");
            var label = await carrier.BookLabelAsync(Request(shipment), cancellationToken);
            if (label.LabelPdf is { Length: > 0 } pdf)
            {
                session.Store(new ShipmentLabel(shipment.Id, pdf));
            }

            events = ShippingDecisions.OnLabelBooked(shipment, label.TrackingNumber, label.TrackingUrl, label.LabelUrl, label.LabelPdf, time.GetUtcNow());
            LogBooked(shipment.Id, shipment.Carrier, label.TrackingNumber);
        }
        catch (Exception e) when (e is CarrierUnavailableException or CarrierRejectedException)
        {
            events = ShippingDecisions.OnLabelFailed(shipment, e.Message, e is CarrierRejectedException, time.GetUtcNow(), options.Value.LabelRetryDelay);
            LogFailed(shipment.Id, shipment.Carrier, e.Message);
        }

        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return events.Aggregate(shipment, (state, @event) => state.Next(@event));
    }

    private LabelRequest Request(Shipment shipment)
    {
        var settings = options.Value;
        return new LabelRequest(shipment.Id, shipment.OrderNumber, shipment.Mode, shipment.PickupPointId, shipment.Recipient, settings.Warehouse,
            settings.SenderName, Math.Max(100, shipment.Items * settings.UnitWeightGrams),
            Contracts.DeliveryWindows.ParisDate(time.GetUtcNow()), Return: shipment.ReturnId is not null);
    }

    [LoggerMessage(LogLevel.Information, "Shipment {ShipmentId}: {Carrier} booked parcel {TrackingNumber}")]
    private partial void LogBooked(Guid shipmentId, string carrier, string trackingNumber);

    [LoggerMessage(LogLevel.Warning, "Shipment {ShipmentId}: {Carrier} gave no label ({Reason}); it waits as awaiting-label and is tried again")]
    private partial void LogFailed(Guid shipmentId, string carrier, string reason);
}

/// <summary>Tries again every label that is due: after an outage, every waiting shipment gets its label.</summary>
public sealed class LabelScan(IDocumentStore store, LabelBooking booking, IOptions<ShippingOptions> options, TimeProvider time, ILogger<LabelScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => options.Value.LabelScanInterval;

    protected override string What => "labels booked after a failed attempt";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => RetryDueAsync(store, booking, now, cancellationToken);

    /// <summary>Books every label due by <paramref name="now"/>; how many the carriers gave.</summary>
    public static async Task<int> RetryDueAsync(IDocumentStore store, LabelBooking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(booking);
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<Shipment>()
                .Where(shipment => shipment.Status == ShipmentStatus.AwaitingLabel && shipment.NextLabelAttemptAt <= now)
                .OrderBy(shipment => shipment.NextLabelAttemptAt).Select(shipment => shipment.Id).Take(100).ToListAsync(cancellationToken);
        }

        var booked = 0;
        foreach (var shipmentId in due)
        {
            booked += (await booking.BookAsync(shipmentId, cancellationToken))?.Status == ShipmentStatus.LabelCreated ? 1 : 0;
        }

        return booked;
    }
}
