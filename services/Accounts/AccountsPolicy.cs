using OrderPlatform.Shops;

namespace OrderPlatform.Accounts;

/// <summary>What the shop's profile means for accounts.</summary>
/// <param name="LoyaltyClub">Whether the shop has a loyalty club customers can join (fashion-retail's makes return labels free, FR-14).</param>
/// <param name="SignUpApproval">Whether a sign-up is approved before its confirmation e-mail (the marketplace, MP-03).</param>
public sealed record AccountsPolicy(bool LoyaltyClub, bool SignUpApproval = false)
{
    public static AccountsPolicy For(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new AccountsPolicy(shop.LoyaltyClub, shop.SignUpApproval);
    }
}
