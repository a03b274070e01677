using OrderPlatform.Shops;

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

    /// <summary>The shop's returns policy, from its profile (<c>Shop:Returns:*</c>).</summary>
    public static ReturnsPolicy For(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var returns = shop.Returns;
        return new ReturnsPolicy(returns.WindowDays, returns.LongWindowDays, returns.LongWindowReasons.ToHashSet(), returns.SaleItemsReturnable,
            returns.Carrier, returns.LabelFeeCents, returns.FreeLabelForLoyalty, returns.CheapestStandardDeliveryCents, returns.StoreCreditRefunds,
            returns.OneSellerPerReturn);
    }
}
