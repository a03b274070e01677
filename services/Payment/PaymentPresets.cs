using OrderPlatform.Payment.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Payment;

/// <summary>What the merchant's preset means for payment.</summary>
/// <param name="Capture">When the money is taken: at shipment (fashion-retail, FR-26) or at order (japan-import, marketplace).</param>
/// <param name="Methods">Methods accepted [FR-25, JI-01, MP-07].</param>
/// <param name="CardBrands">Card networks accepted, as the PSP names them.</param>
/// <param name="CardCountries">Where the cards' banks must be (ISO 3166), when the shop says so [FR-25]; null: anywhere.</param>
public sealed record PaymentPolicy(CaptureTiming Capture, IReadOnlyList<string> Methods, IReadOnlyList<string> CardBrands,
    IReadOnlyList<string>? CardCountries = null);

public static class PaymentPresets
{
    private static readonly Dictionary<string, (CaptureTiming Capture, string[] Brands)> Values = new()
    {
        [MerchantPreset.FashionRetail] = (CaptureTiming.OnShipment, ["cb", "visa", "mastercard"]),
        [MerchantPreset.JapanImport] = (CaptureTiming.OnOrder, ["mastercard", "visa", "maestro"]),
        [MerchantPreset.Marketplace] = (CaptureTiming.OnOrder, ["visa", "mastercard", "amex"]),
    };

    public static PaymentPolicy For(MerchantPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var (capture, brands) = Values[preset.Name];
        return new PaymentPolicy(capture, PaymentMethods.AcceptedBy(preset), brands,
            preset.Name == MerchantPreset.FashionRetail ? ["FR"] : null); // "Carte Bleue, Visa, Mastercard, émises en France" [FR-25]
    }
}
