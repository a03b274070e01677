namespace OrderPlatform.EndToEndTests;

/// <summary>The whole system under the marketplace preset (delivery in every price, charged at order, sellers' own delays), for its promises.</summary>
public sealed class MarketplacePlatform : PlatformFixture
{
    protected override string Preset => "marketplace";

    protected override bool WithDashboard => false;

    /// <summary>A seller has seconds, not 48 hours, to answer an order problem before the platform takes it over [MP-11].</summary>
    protected override IReadOnlyDictionary<string, string> PresetSettings { get; } = new Dictionary<string, string>
    {
        ["Reports__AnswerWithin"] = "00:00:15",
        ["Reports__ReplyWithin"] = "00:00:20",
        ["Reports__ScanInterval"] = "00:00:01",
        // Its operator has no authenticator yet, as a new shop's first one: their first sign-in sets it up (Accounts.TokenAsync).
        ["Accounts__BootstrapOps__SecondFactorKey"] = "",
    };
}

[CollectionDefinition(Name)]
public sealed class MarketplaceCollection : ICollectionFixture<MarketplacePlatform>
{
    public const string Name = "marketplace";
}
