using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderPlatform.Shops;

namespace OrderPlatform.UnitTests.Shops;

/// <summary>Each shop is one profile file, read through the options pattern and checked at start; feature code asks it, never a shop's name.</summary>
public sealed partial class ShopProfileTests
{
    [Fact]
    public void Every_shop_has_a_profile_and_each_holds_together()
    {
        Assert.Equal(["fashion-retail", "japan-import", "marketplace"], ShopProfiles.Names);
        Assert.All(ShopProfiles.Names, name => Assert.Equal(name, ShopProfiles.Load(name).Name));
    }

    [Fact]
    public void The_profiles_say_what_each_shop_promises_FR_26_JI_06_MP_02()
    {
        var (fashion, japan, marketplace) = (ShopProfiles.Load("fashion-retail"), ShopProfiles.Load("japan-import"), ShopProfiles.Load("marketplace"));

        Assert.Equal((ChargeTime.OnShipment, ChargeTime.OnOrder, ChargeTime.OnOrder), (fashion.Payment.ChargeAt, japan.Payment.ChargeAt, marketplace.Payment.ChargeAt));
        Assert.Equal((CancelUntil.Confirmation, CancelUntil.HandOff), (fashion.Orders.CancelUntil, japan.Orders.CancelUntil));
        Assert.All(marketplace.Delivery.Options, option => Assert.Equal(0, option.FeeCents));
        Assert.Equal((false, false, true), (fashion.Sellers, japan.Sellers, marketplace.Sellers));
        Assert.Equal(30, marketplace.Returns.LongestWindowDays);
    }

    [Fact]
    public void A_service_takes_the_shop_Merchant_Preset_names_and_fashion_retail_when_none()
    {
        Assert.Equal("japan-import", ProfileOf(("Merchant:Preset", "japan-import")).Name);
        Assert.Equal("fashion-retail", ProfileOf().Name);
    }

    [Fact]
    public void A_setting_overrides_the_profile_value()
    {
        var shop = ProfileOf(("Merchant:Preset", "japan-import"), ("Shop:Orders:HandOffDelay", "00:00:08"));

        Assert.Equal(TimeSpan.FromSeconds(8), shop.Orders.HandOffDelay);
        Assert.Equal(1290, shop.Delivery.Options[0].FeeCents); // the rest as the file says
    }

    [Fact]
    public void An_unknown_shop_stops_the_service_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProfileOf(("Merchant:Preset", "fashion")));

        Assert.Contains("Merchant:Preset", error.Message, StringComparison.Ordinal);
        Assert.Contains("japan-import", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_that_does_not_hold_together_stops_the_service_at_start_naming_the_value()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Merchant:Preset"] = "japan-import", ["Shop:Returns:FreeLabelForLoyalty"] = "true", ["Shop:Payment:Methods:2"] = "cheque",
        });
        builder.AddShopProfile();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, failure => failure.Contains("Shop:Returns:FreeLabelForLoyalty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("Shop:Payment:Methods", StringComparison.Ordinal));
    }

    [Fact]
    public void No_feature_code_names_a_shop()
    {
        var naming = Repository.Files("services", "*.cs").Concat(Repository.Files("gateway", "*.cs")).Concat(Repository.Files("ServiceDefaults", "*.cs"))
            .Where(file => !Repository.Relative(file).StartsWith("services/Shops/", StringComparison.Ordinal))
            .Where(file => ShopNames().IsMatch(File.ReadAllText(file)))
            .Select(Repository.Relative);

        Assert.Empty(naming);
    }

    private static ShopProfile ProfileOf(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.AddShopProfile();
        using var host = builder.Build();
        return host.Services.GetRequiredService<ShopProfile>();
    }

    [GeneratedRegex("\"(fashion-retail|japan-import|marketplace)\"|MerchantPreset")]
    private static partial Regex ShopNames();
}
