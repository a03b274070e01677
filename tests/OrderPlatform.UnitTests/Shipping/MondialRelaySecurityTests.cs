extern alias shipping;

using shipping::OrderPlatform.Shipping.Carriers.MondialRelay;

namespace OrderPlatform.UnitTests.Shipping;

/// <summary>The WSI Security key, against Mondial Relay's documented example and the encoding and ordering rules.</summary>
public sealed class MondialRelaySecurityTests
{
    private static KeyValuePair<string, string?> P(string name, string? value) => new(name, value);

    [Fact]
    public void The_documented_example_gives_the_documented_key()
    {
        // Mondial Relay's test merchant BDTEST13 / PrivateK, with the values 12345678 and FR.
        Assert.Equal("33DA5F122DAA40241087CC7845BEA4B1",
            MondialRelaySecurity.Compute("BDTEST13", [P("Expedition", "12345678"), P("Pays", "FR")], "PrivateK"));
    }

    [Fact]
    public void Accented_values_are_hashed_in_iso_8859_1_not_utf_8()
    {
        var key = MondialRelaySecurity.Compute("BDTEST13", [P("Pays", "FR"), P("CP", "91000"), P("Ville", "Évry")], "PrivateK");

        Assert.Equal("7BA1B9F76AA687AF632D686B67A20D19", key);
        Assert.NotEqual("F4607B0F0C4FAB2E302D0F16D228DC90", key); // what UTF-8 would give: STAT 97
    }

    [Fact]
    public void Empty_parameters_and_free_text_are_left_out_and_order_matters()
    {
        var plain = MondialRelaySecurity.Compute("BDTEST13", [P("Expedition", "12345678"), P("Pays", "FR")], "PrivateK");

        Assert.Equal(plain, MondialRelaySecurity.Compute("BDTEST13",
            [P("Expedition", "12345678"), P("Ville", ""), P("CP", null), P("Pays", "FR"), P("Texte", "Merci de sonner")], "PrivateK"));
        Assert.NotEqual(plain, MondialRelaySecurity.Compute("BDTEST13", [P("Pays", "FR"), P("Expedition", "12345678")], "PrivateK"));
    }
}
