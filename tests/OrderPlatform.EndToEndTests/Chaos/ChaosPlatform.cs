namespace OrderPlatform.EndToEndTests.Chaos;

/// <summary>A whole fashion-retail system of its own, for the run that breaks its parts: the other tests never see the damage.</summary>
public sealed class ChaosPlatform : PlatformFixture
{
    /// <summary>Early messages wait as long as in production: an outage here is longer than the other tests' 30 s.</summary>
    protected override IReadOnlyDictionary<string, string> PresetSettings { get; } = new Dictionary<string, string>
    {
        ["Messaging__Early__GiveUpAfter"] = "1.00:00:00",
    };
}

[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosPlatform>
{
    public const string Name = "chaos";
}

/// <summary>
/// How big the run is: eng/test's short run (20 orders, one every 2.5 s, every service killed at once), or eng/chaos's long one
/// (ORDERPLATFORM_CHAOS_ORDERS, ORDERPLATFORM_CHAOS_EVERY_MS; the services killed one after the other, round after round).
/// </summary>
public sealed record ChaosSettings(int Orders, TimeSpan Every, bool ServicesInTurn)
{
    public static ChaosSettings FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("ORDERPLATFORM_CHAOS_ORDERS"), out var orders)
            ? new(orders, TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable("ORDERPLATFORM_CHAOS_EVERY_MS"), out var every) ? every : 250),
                ServicesInTurn: true)
            : new(20, TimeSpan.FromMilliseconds(2500), ServicesInTurn: false);
}
