using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Ordering;

/// <summary>Ordering's values for each merchant preset, as data; <c>Ordering:HandOffDelay</c> overrides the delay.</summary>
public static class OrderingPresets
{
    private static readonly Dictionary<string, DeliveryOption[]> Deliveries = new()
    {
        [MerchantPreset.FashionRetail] =
        [
            new(DeliveryOption.MondialRelay, DeliveryOption.RelayPoint, 390),
            new(DeliveryOption.LaPoste, DeliveryOption.Home, 590),
            new(DeliveryOption.LaPoste, DeliveryOption.PickupPoint, 490),
        ],
        // Parcels come from Japan by La Poste (Colissimo international).
        [MerchantPreset.JapanImport] =
        [
            new(DeliveryOption.LaPoste, DeliveryOption.Home, 1290),
            new(DeliveryOption.LaPoste, DeliveryOption.PickupPoint, 1190),
        ],
        // MP-02: every published price includes delivery.
        [MerchantPreset.Marketplace] =
        [
            new(DeliveryOption.MondialRelay, DeliveryOption.RelayPoint, 0),
            new(DeliveryOption.LaPoste, DeliveryOption.Home, 0),
        ],
    };

    private static readonly Dictionary<string, (CancellationRule Rule, TimeSpan HandOff)> Cancellation = new()
    {
        [MerchantPreset.FashionRetail] = (CancellationRule.BeforeConfirmation, TimeSpan.FromMinutes(30)),
        [MerchantPreset.JapanImport] = (CancellationRule.BeforeHandOff, TimeSpan.FromMinutes(10)), // JI-06: "quelques minutes"
        [MerchantPreset.Marketplace] = (CancellationRule.BeforeConfirmation, TimeSpan.FromMinutes(30)),
    };

    private static readonly Dictionary<string, DeliveryEstimate> Estimates = new()
    {
        [MerchantPreset.FashionRetail] = new(5, 7, WorkingDays: false), // FR-08: "5 à 7 jours en moyenne"
        [MerchantPreset.JapanImport] = new(10, 15, WorkingDays: true), // JI-05: "10 à 15 jours ouvrés"
        // MP-08: the slowest seller's own delay to ship, plus two days on the road; a week where no seller gives one.
        [MerchantPreset.Marketplace] = new(2, 7, WorkingDays: false, TransitDays: 2),
    };

    public static OrderPolicy For(MerchantPreset preset, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(configuration);
        var (rule, handOff) = Cancellation[preset.Name];
        handOff = configuration.GetValue<TimeSpan?>("Ordering:HandOffDelay") ?? handOff;
        var invoiceAt = preset.Name == MerchantPreset.FashionRetail ? InvoiceTrigger.Capture : InvoiceTrigger.Shipment;
        // Returns are taken 14 days after delivery (FR-15), 30 on the marketplace (MP-10): then the order is completed.
        var returnWindow = TimeSpan.FromDays(preset.Name == MerchantPreset.Marketplace ? 30 : 14);
        // Return labels are printed from the delivery address by the shop's return carrier (Returns' policy): checkout holds the address to
        // that carrier's limits too, or a return label would be refused after the sale.
        var returnCarrier = preset.Name == MerchantPreset.JapanImport ? DeliveryOption.LaPoste : DeliveryOption.MondialRelay;
        return new OrderPolicy(Deliveries[preset.Name], PaymentMethods.AcceptedBy(preset), rule, handOff, StuckThresholds(handOff), invoiceAt,
            Estimates[preset.Name], returnWindow, ReturnCarrier: returnCarrier);
    }

    /// <summary>Generous bounds: past them something upstream is late, not merely slow.</summary>
    private static Dictionary<string, TimeSpan> StuckThresholds(TimeSpan handOff) => new()
    {
        [OrderStatus.Placed] = TimeSpan.FromMinutes(15),
        [OrderStatus.Confirmed] = handOff + TimeSpan.FromMinutes(15),
        [OrderStatus.Preparing] = TimeSpan.FromDays(2),
        [OrderStatus.PartiallyShipped] = TimeSpan.FromDays(7),
        [OrderStatus.Shipped] = TimeSpan.FromDays(21),
        [OrderStatus.Backordered] = TimeSpan.FromDays(30),
        // A lost parcel is refunded by its settle-by date unless ops send it again: past that, the scan did not run.
        [OrderStatus.ParcelLost] = TimeSpan.FromDays(10),
    };
}
