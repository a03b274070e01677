using OrderPlatform.Payment.Domain;
using OrderPlatform.Shops;

namespace OrderPlatform.Payment;

/// <summary>What the shop's profile means for payment.</summary>
/// <param name="Capture">When the money is taken: at shipment (fashion-retail, FR-26) or at order (japan-import, marketplace).</param>
/// <param name="Methods">Methods accepted [FR-25, JI-01, MP-07].</param>
/// <param name="CardBrands">Card networks accepted, as the PSP names them.</param>
/// <param name="CardCountries">Where the cards' banks must be (ISO 3166), when the shop says so [FR-25]; null: anywhere.</param>
public sealed record PaymentPolicy(CaptureTiming Capture, IReadOnlyList<string> Methods, IReadOnlyList<string> CardBrands,
    IReadOnlyList<string>? CardCountries = null)
{
    public static PaymentPolicy For(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var payment = shop.Payment;
        return new PaymentPolicy(payment.ChargeAt == ChargeTime.OnShipment ? CaptureTiming.OnShipment : CaptureTiming.OnOrder, payment.Methods,
            payment.CardBrands, payment.CardIssuerCountries.Count > 0 ? payment.CardIssuerCountries : null);
    }
}
