using Xunit.Abstractions;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Starts the collections that take longest first, so that the few systems running at once (xunit.runner.json) finish together
/// rather than one long collection starting last.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [PlatformCollection.Name, JapanImportCollection.Name, MarketplaceCollection.Name];

    // The chaos run comes last of all: its two copies of everything start once a system before it has ended.
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName == Chaos.ChaosCollection.Name ? 1 : 0)
            .ThenBy(collection => Array.IndexOf(Longest, collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
