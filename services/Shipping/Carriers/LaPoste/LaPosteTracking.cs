using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Carriers.LaPoste;

/// <summary>La Poste Suivi v2's event codes (PROVIDERS.md) in our shipment statuses.</summary>
public static class LaPosteTracking
{
    private static readonly Dictionary<string, string> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DR1"] = ShipmentStatus.LabelCreated,
        ["PC1"] = ShipmentStatus.InTransit,
        ["PC2"] = ShipmentStatus.InTransit,
        ["ET1"] = ShipmentStatus.InTransit,
        ["ET2"] = ShipmentStatus.InTransit,
        ["ET3"] = ShipmentStatus.InTransit,
        ["ET4"] = ShipmentStatus.InTransit,
        ["EP1"] = ShipmentStatus.InTransit,
        ["DO1"] = ShipmentStatus.InTransit,
        ["DO2"] = ShipmentStatus.InTransit,
        ["DO3"] = ShipmentStatus.InTransit,
        ["PB1"] = ShipmentStatus.InTransit,
        ["PB2"] = ShipmentStatus.InTransit,
        ["MD2"] = ShipmentStatus.OutForDelivery,
        // Nobody home: a notice is left and the parcel waits at the post office; the 15 days start [FR-11].
        ["ND1"] = ShipmentStatus.NoticeLeft,
        // At the counter or pickup point: the 15 days start [FR-11].
        ["AG1"] = ShipmentStatus.AvailableForPickup,
        ["RE1"] = ShipmentStatus.ReturnedToWarehouse,
        ["DI1"] = ShipmentStatus.Delivered,
        ["DI2"] = ShipmentStatus.ReturnedToWarehouse,
    };

    /// <summary>Our status for a code; a code La Poste adds later counts as "in transit" until it is mapped here.</summary>
    public static string StatusOf(string? code) => code is not null && Statuses.TryGetValue(code, out var status) ? status : ShipmentStatus.InTransit;
}
