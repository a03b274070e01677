using OrderPlatform.Contracts;

namespace OrderPlatform.Shipping.Domain;

/// <summary>
/// A parcel left the warehouse's packing table: for whom, by which carrier and mode, with which lines. With a
/// <paramref name="ReturnId"/> it is a return parcel: the customer (<paramref name="Recipient"/>'s address) sends it to the warehouse.
/// </summary>
public sealed record ShipmentStarted(Guid ShipmentId, Guid OrderId, string OrderNumber, Guid? CustomerId, string Carrier, string Mode, string? PickupPointId,
    PostalAddress Recipient, IReadOnlyList<ShippedLine> Lines, DateTimeOffset At, Guid? ReturnId = null, int Items = 0, bool Replacement = false);

/// <summary>The carrier gave no label this time; the next attempt is due at <paramref name="NextAttemptAt"/>.</summary>
public sealed record LabelAttemptFailed(int Attempt, string Reason, bool CarrierRefused, DateTimeOffset At, DateTimeOffset NextAttemptAt);

/// <summary>The carrier refused the label again and again: no more attempts until ops correct what it refuses.</summary>
public sealed record LabelRefusedForGood(string Reason, DateTimeOffset At);

/// <summary>Ops corrected the recipient the carrier refused: the label is asked for again at once.</summary>
public sealed record RecipientCorrected(PostalAddress Recipient, DateTimeOffset At);

/// <summary>No carrier news for too long: an inquiry is opened with the carrier.</summary>
public sealed record InquiryOpened(DateTimeOffset LastNewsAt, DateTimeOffset At);

/// <summary>The inquiry found nothing in its time: the parcel is lost.</summary>
public sealed record ParcelDeclaredLost(DateTimeOffset At);

/// <summary>The carrier booked the parcel: its number, where the customer follows it, the label to print.</summary>
public sealed record LabelBooked(string TrackingNumber, string TrackingUrl, string? LabelUrl, bool LabelStored, DateTimeOffset At);

/// <summary>One event the carrier reported, kept as the carrier said it, with the status it means for us.</summary>
public sealed record TrackingEventRecorded(string Status, DateTimeOffset At, string? Code, string Label, string? RelayId, string? Location)
{
    public string Key => $"{At:O}|{Code}|{Label}";
}

/// <summary>
/// An event the carrier reported that ops should query: dated in the future (set aside: it moves nothing), or before the parcel left
/// (applied, since it is the carrier's word, but flagged).
/// </summary>
public sealed record TrackingEventDoubted(TrackingEventRecorded Event, string Reason, DateTimeOffset At);

/// <summary>A shipment: the fold of its stream. Status, tracking, the 15-day hold and what the carrier said.</summary>
public sealed record Shipment(
    Guid Id,
    Guid OrderId,
    string OrderNumber,
    Guid? CustomerId,
    string Carrier,
    string Mode,
    string? PickupPointId,
    PostalAddress Recipient,
    IReadOnlyList<ShippedLine> Lines,
    DateTimeOffset CreatedAt,
    string Status,
    DateTimeOffset StatusAt,
    IReadOnlyList<TrackingEventRecorded> Tracking,
    string? TrackingNumber = null,
    string? TrackingUrl = null,
    string? LabelUrl = null,
    bool LabelStored = false,
    int LabelAttempts = 0,
    DateTimeOffset? NextLabelAttemptAt = null,
    string? LabelProblem = null,
    DateTimeOffset? ShippedAt = null,
    DateTimeOffset? HoldUntil = null,
    DateTimeOffset? DeliveredAt = null,
    DateTimeOffset? ReturnedAt = null,
    Guid? ReturnId = null,
    int Items = 0,
    bool Replacement = false,
    IReadOnlyList<TrackingEventDoubted>? Doubted = null,
    int LabelRefusals = 0)
{
    public static Shipment Create(ShipmentStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        return new Shipment(started.ShipmentId, started.OrderId, started.OrderNumber, started.CustomerId, started.Carrier, started.Mode,
            started.PickupPointId, started.Recipient, started.Lines, started.At, ShipmentStatus.AwaitingLabel, started.At, [],
            NextLabelAttemptAt: started.At, ReturnId: started.ReturnId, Items: started.Items > 0 ? started.Items : started.Lines.Sum(line => line.Quantity),
            Replacement: started.Replacement);
    }

    public Shipment Apply(InquiryOpened opened) => this with { Status = ShipmentStatus.Inquiry, StatusAt = opened.At };

    public Shipment Apply(ParcelDeclaredLost lost) => this with { Status = ShipmentStatus.Lost, StatusAt = lost.At };

    /// <summary>When the carrier last said anything of the parcel (its departure, when it said nothing yet).</summary>
    public DateTimeOffset LastNewsAt => Tracking.Count > 0 ? Tracking.Max(e => e.At) : ShippedAt ?? StatusAt;

    public Shipment Apply(LabelAttemptFailed failed) => this with
    {
        LabelAttempts = failed.Attempt, NextLabelAttemptAt = failed.NextAttemptAt, LabelProblem = failed.Reason,
        LabelRefusals = failed.CarrierRefused ? LabelRefusals + 1 : 0,
    };

    public Shipment Apply(LabelRefusedForGood refused) =>
        this with { Status = ShipmentStatus.LabelRefused, StatusAt = refused.At, NextLabelAttemptAt = null, LabelProblem = refused.Reason };

    public Shipment Apply(RecipientCorrected corrected) => this with
    {
        Recipient = corrected.Recipient, Status = ShipmentStatus.AwaitingLabel, StatusAt = corrected.At, NextLabelAttemptAt = corrected.At, LabelRefusals = 0,
    };

    public Shipment Apply(LabelBooked booked) => this with
    {
        TrackingNumber = booked.TrackingNumber, TrackingUrl = booked.TrackingUrl, LabelUrl = booked.LabelUrl, LabelStored = booked.LabelStored,
        NextLabelAttemptAt = null, LabelProblem = null, LabelAttempts = LabelAttempts + 1,
    };

    public Shipment Apply(OrderShipped shipped) => this with { ShippedAt = shipped.ShippedAt };

    public Shipment Apply(TrackingEventRecorded recorded) => this with { Tracking = [.. Tracking, recorded] };

    public Shipment Apply(TrackingEventDoubted doubted) => this with { Doubted = [.. Doubted ?? [], doubted] };

    public Shipment Apply(ShipmentStatusChanged changed) => this with { Status = changed.Status, StatusAt = changed.At, HoldUntil = changed.HoldUntil ?? HoldUntil };

    public Shipment Apply(ParcelAvailableForPickup available) => this with { HoldUntil = available.HoldUntil };

    public Shipment Apply(ParcelDelivered delivered) => this with { DeliveredAt = delivered.DeliveredAt };

    public Shipment Apply(ParcelReturnedToWarehouse returned) => this with { ReturnedAt = returned.At };

    /// <summary>The shipment after any of its events, for decisions and tests.</summary>
    public Shipment Next(object @event) => @event switch
    {
        LabelAttemptFailed e => Apply(e),
        LabelRefusedForGood e => Apply(e),
        InquiryOpened e => Apply(e),
        ParcelDeclaredLost e => Apply(e),
        RecipientCorrected e => Apply(e),
        LabelBooked e => Apply(e),
        OrderShipped e => Apply(e),
        ReturnLabelBooked or ParcelLost => this,
        TrackingEventRecorded e => Apply(e),
        TrackingEventDoubted e => Apply(e),
        ShipmentStatusChanged e => Apply(e),
        ParcelAvailableForPickup e => Apply(e),
        ParcelDelivered e => Apply(e),
        ParcelReturnedToWarehouse e => Apply(e),
        _ => throw new ArgumentException($"A shipment has no {@event?.GetType().Name} event.", nameof(@event)),
    };
}

/// <summary>A label as the carrier sent it (Colissimo sends the PDF itself), for the warehouse to print again.</summary>
public sealed record ShipmentLabel(Guid Id, byte[] Pdf);
