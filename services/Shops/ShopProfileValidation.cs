using Microsoft.Extensions.Options;

namespace OrderPlatform.Shops;

/// <summary>What makes a profile hold together: every value present and in range, and no capability that needs another the shop lacks.</summary>
public sealed class ShopProfileValidation : IValidateOptions<ShopProfile>
{
    private static readonly string[] Carriers = ["mondial-relay", "la-poste"];
    private static readonly string[] Modes = ["relay-point", "home", "pickup-point"];

    public ValidateOptionsResult Validate(string? name, ShopProfile options) =>
        Errors(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;

    public static List<string> Errors(ShopProfile shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var errors = new List<string>();
        void Require(bool holds, string what)
        {
            if (!holds)
            {
                errors.Add($"Shop:{what}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(shop.Name), "Name is required");
        Require(!string.IsNullOrWhiteSpace(shop.DemoCatalogue), "DemoCatalogue is required");
        Require(shop.Payment.Methods.Count > 0, "Payment:Methods must list at least one method");
        Require(shop.Payment.Methods.All(PaymentMethods.All.Contains), $"Payment:Methods must be among {string.Join(", ", PaymentMethods.All)}");
        Require(!shop.Payment.Methods.Contains(PaymentMethods.Card) || shop.Payment.CardBrands.Count > 0, "Payment:CardBrands must list the brands a shop taking cards accepts");
        Require(shop.Payment.CardIssuerCountries.All(country => country.Length == 2), "Payment:CardIssuerCountries are ISO 3166 codes (FR)");
        Require(shop.Delivery.Options.Count > 0, "Delivery:Options must offer at least one delivery");
        Require(shop.Delivery.Options.All(option => Carriers.Contains(option.Carrier) && Modes.Contains(option.Mode) && option.FeeCents >= 0),
            $"Delivery:Options each need a carrier ({string.Join(", ", Carriers)}), a mode ({string.Join(", ", Modes)}) and a fee of 0 or more");
        Require(!shop.Catalogue.DeliveryIncluded || shop.Delivery.Options.All(option => option.FeeCents == 0), "Delivery:Options cost nothing where prices include delivery");
        Require(shop.Delivery.Estimate.FromDays > 0 && shop.Delivery.Estimate.FromDays <= shop.Delivery.Estimate.ToDays, "Delivery:Estimate needs 0 < FromDays <= ToDays");
        Require(shop.Orders.HandOffDelay >= TimeSpan.Zero, "Orders:HandOffDelay cannot be negative");
        Require(shop.Returns.WindowDays > 0, "Returns:WindowDays must be at least 1");
        Require(shop.Returns.LongWindowDays is null || shop.Returns.LongWindowDays > shop.Returns.WindowDays, "Returns:LongWindowDays must be longer than WindowDays");
        Require((shop.Returns.LongWindowDays is null) == (shop.Returns.LongWindowReasons.Count == 0), "Returns:LongWindowReasons go with LongWindowDays");
        Require(Carriers.Contains(shop.Returns.Carrier), $"Returns:Carrier must be one of {string.Join(", ", Carriers)}");
        Require(shop.Returns.LabelFeeCents >= 0 && shop.Returns.CheapestStandardDeliveryCents >= 0, "Returns: fees cannot be negative");
        Require(!shop.Returns.FreeLabelForLoyalty || shop.LoyaltyClub, "Returns:FreeLabelForLoyalty needs a LoyaltyClub");
        Require(!shop.Returns.OneSellerPerReturn || shop.Sellers, "Returns:OneSellerPerReturn needs Sellers");
        Require(!shop.Returns.StoreCreditRefunds || shop.Payment.Methods.Contains(PaymentMethods.StoreCredit), "Returns:StoreCreditRefunds needs store-credit among Payment:Methods");
        return errors;
    }
}
