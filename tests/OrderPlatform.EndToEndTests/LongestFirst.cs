using Xunit.Abstractions;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Starts the collections that take longest first, so that the few systems running at once (xunit.runner.json) finish together
/// rather than one long collection starting last.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [PlatformCollection.Name, JapanImportCollection.Name, MarketplaceCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => Array.IndexOf(Longest, collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
