using Microsoft.Extensions.Configuration;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.UnitTests.Messaging;

public sealed class MerchantPresetTests
{
    private static IConfiguration With(string? preset) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Merchant:Preset"] = preset }).Build();

    [Theory]
    [InlineData("fashion-retail")]
    [InlineData("japan-import")]
    [InlineData("marketplace")]
    public void The_three_presets_are_accepted(string preset) => Assert.Equal(preset, MerchantPreset.From(With(preset)).Name);

    [Fact]
    public void Fashion_retail_is_the_default() => Assert.Equal("fashion-retail", MerchantPreset.From(With(null)).Name);

    [Fact]
    public void An_unknown_preset_stops_the_service_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MerchantPreset.From(With("fashion")));

        Assert.Contains("Merchant:Preset", error.Message, StringComparison.Ordinal);
    }
}
