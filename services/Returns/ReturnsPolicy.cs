using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Returns;

/// <summary>
/// A shop's commercial returns policy, as values (the legal withdrawal right is not here: it is the same for every shop, see
/// <see cref="Domain.ReturnDecisions.WithdrawalDays"/>).
/// </summary>
/// <param name="WindowDays">Days from receipt to ask for a return [FR-15].</param>
/// <param name="LongWindowDays">A longer window for the reasons in <paramref name="LongWindowReasons"/> [MP-10].</param>
/// <param name="LongWindowReasons">Reasons that get the longer window and have their return shipping refunded [MP-10].</param>
/// <param name="SaleItemsReturnable">Whether sale items may be returned under the commercial policy [JI-07].</param>
/// <param name="Carrier">The carrier return labels are booked with.</param>
/// <param name="LabelFeeCents">What a return label costs the customer, deducted from the refund [FR-14].</param>
/// <param name="FreeLabelForLoyalty">Loyalty-club members return for free through Mondial Relay from metropolitan France and Belgium [FR-14].</param>
/// <param name="CheapestStandardDeliveryCents">The shop's cheapest standard delivery, refunded on a whole-order withdrawal (L221-24).</param>
/// <param name="StoreCreditRefunds">Whether the shop offers store credit as a refund (fashion-retail's "avoir", FR-13); elsewhere refunds go to the payment method.</param>
public sealed record ReturnsPolicy(
    int WindowDays,
    int? LongWindowDays,
    IReadOnlySet<string> LongWindowReasons,
    bool SaleItemsReturnable,
    string Carrier,
    long LabelFeeCents,
    bool FreeLabelForLoyalty,
    long CheapestStandardDeliveryCents,
    bool StoreCreditRefunds,
    bool OneSellerPerReturn = false)
{
    public static readonly IReadOnlyList<string> Reasons =
        ["changed-mind", "wrong-size", "not-as-described", "defective", "damaged", "wrong-item", "counterfeit", "not-working", "other"];

    /// <summary>The preset's policy; <c>Returns:LabelFeeCents</c> overrides the label fee.</summary>
    public static ReturnsPolicy For(MerchantPreset preset, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(configuration);
        var policy = preset.Name switch
        {
            // JI-07: "les produits soldés ne peuvent faire l'objet d'un remboursement"; parcels go back by Colissimo.
            MerchantPreset.JapanImport => new ReturnsPolicy(14, null, new HashSet<string>(), false, "la-poste", 890, false, 1190, StoreCreditRefunds: false),
            // MP-10: counterfeit, non-working or wrong items: 30 days, return shipping refunded; each return goes to one seller first.
            MerchantPreset.Marketplace => new ReturnsPolicy(14, 30, new HashSet<string> { "counterfeit", "not-working", "wrong-item" }, true, "mondial-relay",
                490, false, 0, StoreCreditRefunds: false, OneSellerPerReturn: true),
            // FR-14, FR-15, FR-17: 14 days, free Mondial Relay label for Le Klub members, shipping fees kept.
            _ => new ReturnsPolicy(14, null, new HashSet<string>(), true, "mondial-relay", 490, true, 390, StoreCreditRefunds: true),
        };
        return configuration.GetValue<long?>("Returns:LabelFeeCents") is { } fee ? policy with { LabelFeeCents = fee } : policy;
    }
}
