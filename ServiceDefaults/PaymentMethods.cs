namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// The payment methods each merchant accepts [FR-25, JI-01, MP-07]: Ordering refuses the others at
/// checkout, Payment lists them and authorises with them. Card brands are Payment's concern.
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

    private static readonly Dictionary<string, string[]> Accepted = new()
    {
        [MerchantPreset.FashionRetail] = [Card, PayPal, StoreCredit],
        [MerchantPreset.JapanImport] = [Card, RevolutPay],
        [MerchantPreset.Marketplace] = [Card, PayPal, Klarna, Link, GiftCard],
    };

    public static IReadOnlyList<string> AcceptedBy(MerchantPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return Accepted[preset.Name];
    }

    /// <summary>Whether paying this way needs a token from the PSP's form (cards and wallets do).</summary>
    public static bool NeedsPspToken(string method) => method is Card or PayPal or RevolutPay or Klarna or Link;
}
