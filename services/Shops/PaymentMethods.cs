namespace OrderPlatform.Shops;

/// <summary>
/// The payment methods a shop may accept (its profile lists which) [FR-25, JI-01, MP-07]: Ordering refuses the others at checkout,
/// Payment lists them and authorises with them. Card brands are Payment's concern.
/// </summary>
public static class PaymentMethods
{
    public const string Card = "card";
    public const string PayPal = "paypal";
    public const string RevolutPay = "revolut-pay";
    public const string Klarna = "klarna";
    public const string Link = "link";
    public const string StoreCredit = "store-credit";
    public const string GiftCard = "gift-card";

    public static readonly IReadOnlyList<string> All = [Card, PayPal, RevolutPay, Klarna, Link, StoreCredit, GiftCard];

    /// <summary>Whether paying this way needs a token from the PSP's form (cards and wallets do).</summary>
    public static bool NeedsPspToken(string method) => method is Card or PayPal or RevolutPay or Klarna or Link;

    /// <summary>
    /// Whether a token names one of the shop's own ledgers (store credit, a gift card, a prepaid payment) rather than the PSP's form:
    /// Payment chooses those from the order's customer or the gift card's code, never from what a client sends.
    /// </summary>
    public static bool NamesShopLedger(string token) =>
        token.TrimStart().StartsWith("credit:", StringComparison.OrdinalIgnoreCase) || token.TrimStart().StartsWith("gift:", StringComparison.OrdinalIgnoreCase)
        || token.TrimStart().StartsWith("prepaid_", StringComparison.OrdinalIgnoreCase);
}
