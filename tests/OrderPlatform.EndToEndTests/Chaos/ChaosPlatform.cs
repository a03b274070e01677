namespace OrderPlatform.EndToEndTests.Chaos;

/// <summary>
/// A whole fashion-retail system of its own, for the run that breaks its parts: the other tests never see the damage. Every service
/// runs in two copies (as in a cluster), so the run also kills one copy while the other carries on.
/// </summary>
public sealed class ChaosPlatform : PlatformFixture
{
    public override int Replicas => ChaosSettings.FromEnvironment().Replicas;

    protected override bool WithDashboard => false;

    /// <summary>Early messages wait as long as in production: an outage here is longer than the other tests' 30 s.</summary>
    protected override IReadOnlyDictionary<string, string> PresetSettings { get; } = new Dictionary<string, string>
    {
        ["Messaging__Early__GiveUpAfter"] = "1.00:00:00",
    };
}

/// <summary>Alone, after the others: its two copies of everything do not start in time beside other systems on two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection : ICollectionFixture<ChaosPlatform>
{
    public const string Name = "chaos";
}

/// <summary>
/// How big the run is: eng/test's short run (12 orders, one every 2 s, some cancelled, some with a line missing, some returned; one copy
/// of every service killed at once, then every copy),
/// or eng/chaos's long one (ORDERPLATFORM_CHAOS_ORDERS, ORDERPLATFORM_CHAOS_EVERY_MS; the services killed one after the other, round
/// after round). Both run two copies of every service unless ORDERPLATFORM_CHAOS_REPLICAS says otherwise.
/// </summary>
public sealed record ChaosSettings(int Orders, TimeSpan Every, bool ServicesInTurn, int Replicas)
{
    public static ChaosSettings FromEnvironment()
    {
        var replicas = int.TryParse(Environment.GetEnvironmentVariable("ORDERPLATFORM_CHAOS_REPLICAS"), out var copies) ? copies : 2;
        return int.TryParse(Environment.GetEnvironmentVariable("ORDERPLATFORM_CHAOS_ORDERS"), out var orders)
            ? new(orders, TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable("ORDERPLATFORM_CHAOS_EVERY_MS"), out var every) ? every : 250),
                ServicesInTurn: true, replicas)
            : new(12, TimeSpan.FromMilliseconds(2000), ServicesInTurn: false, replicas);
    }
}
