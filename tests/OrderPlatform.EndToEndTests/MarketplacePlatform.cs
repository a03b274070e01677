namespace OrderPlatform.EndToEndTests;

/// <summary>The whole system under the marketplace preset (delivery in every price, charged at order, sellers' own delays), for its promises.</summary>
public sealed class MarketplacePlatform : PlatformFixture
{
    protected override string Preset => "marketplace";
}

[CollectionDefinition(Name)]
public sealed class MarketplaceCollection : ICollectionFixture<MarketplacePlatform>
{
    public const string Name = "marketplace";
}
