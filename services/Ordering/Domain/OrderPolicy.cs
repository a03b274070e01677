using OrderPlatform.Contracts;

namespace OrderPlatform.Ordering.Domain;

/// <summary>What the merchant's preset means for orders, as values the domain receives.</summary>
/// <param name="Deliveries">The carrier and mode pairs offered at checkout, with their shipping fee (euro cents).</param>
/// <param name="PaymentMethods">Methods accepted at checkout.</param>
/// <param name="CancelUntil">The last status in which the customer may still cancel.</param>
/// <param name="HandOffDelay">How long after confirmation the order goes to logistics ("preparing").</param>
/// <param name="StuckAfter">How long an order may stay in each non-terminal status before operations hear of it [ALL-07].</param>
/// <param name="InvoiceAt">When an invoice is issued: for what was charged, or at shipment.</param>
/// <param name="Estimate">Shipping's delivery estimate for this shop [FR-08, JI-05].</param>
/// <param name="ReturnWindow">How long after delivery returns are taken; past it the order is <c>completed</c> [FR-15, MP-10].</param>
/// <param name="ReturnedParcelWait">How long a parcel back at the warehouse waits for the customer to ask for it again before it is refunded.</param>
public sealed record OrderPolicy(
    IReadOnlyList<DeliveryOption> Deliveries,
    IReadOnlyList<string> PaymentMethods,
    CancellationRule CancelUntil,
    TimeSpan HandOffDelay,
    IReadOnlyDictionary<string, TimeSpan> StuckAfter,
    InvoiceTrigger InvoiceAt = InvoiceTrigger.Shipment,
    DeliveryEstimate? Estimate = null,
    TimeSpan? ReturnWindow = null,
    TimeSpan? ReturnedParcelWait = null,
    string? ReturnCarrier = null)
{
    public TimeSpan ReturnedParcelHold => ReturnedParcelWait ?? TimeSpan.FromDays(7);

    public DeliveryOption? DeliveryFor(string? carrier, string? mode) =>
        Deliveries.FirstOrDefault(option => option.Carrier == carrier && option.Mode == mode);
}

public sealed record DeliveryOption(string Carrier, string Mode, long FeeCents)
{
    public const string MondialRelay = "mondial-relay";
    public const string LaPoste = "la-poste";
    public const string RelayPoint = "relay-point";
    public const string Home = "home";
    public const string PickupPoint = "pickup-point";

    /// <summary>Relay points and post offices are chosen by the customer: the order names one.</summary>
    public bool NeedsPickupPoint => Mode is RelayPoint or PickupPoint;
}

/// <summary>Until when a customer may cancel their order.</summary>
public enum CancellationRule
{
    /// <summary>Only while the payment is not validated: once paid, never [FR-06].</summary>
    BeforeConfirmation,

    /// <summary>Until the order goes to logistics, a few minutes after validation [JI-06].</summary>
    BeforeHandOff,
}

/// <summary>What makes an invoice.</summary>
public enum InvoiceTrigger
{
    /// <summary>Each capture: the invoice is for what was charged (fashion-retail charges at shipment, FR-26).</summary>
    Capture,

    /// <summary>Each shipment: the invoice goes with the shipment e-mail [JI-10].</summary>
    Shipment,
}

/// <summary>
/// How long delivery takes: <paramref name="Min"/> to <paramref name="Max"/> calendar or French working days. Where sellers give
/// their own delay to ship (<paramref name="TransitDays"/> set, the marketplace), the latest day is the slowest seller's delay plus
/// the carrier's transit [MP-08].
/// </summary>
public sealed record DeliveryEstimate(int Min, int Max, bool WorkingDays, int? TransitDays = null)
{
    public DeliveryWindow From(DateTimeOffset orderedAt, int? slowestSellerDays = null)
    {
        var day = DeliveryWindows.ParisDate(orderedAt);
        var max = TransitDays is { } transit && slowestSellerDays is { } sellerDays ? Math.Max(Min, sellerDays + transit) : Max;
        return WorkingDays ? DeliveryWindows.WorkingDays(day, Min, max) : DeliveryWindows.CalendarDays(day, Min, max);
    }
}
