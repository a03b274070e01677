using System.Text.RegularExpressions;

namespace OrderPlatform.UnitTests.Docs;

/// <summary>docs/RULES.md is the repository's own list of promises: every id the code names is in it, every rule in it is proven by a test.</summary>
public sealed partial class RulesCatalogueTests
{
    private static readonly HashSet<string> Catalogued = RuleIds().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs/RULES.md")))
        .Select(match => match.Groups["id"].Value)
        .ToHashSet();

    [Fact]
    public void Every_rule_id_the_code_names_is_in_the_catalogue()
    {
        var unknown = Repository.Files("", "*.cs")
            .SelectMany(file => NamedIds().Matches(File.ReadAllText(file)).Select(match => (Id: Normalised(match), File: Repository.Relative(file))))
            .Where(named => !Catalogued.Contains(named.Id))
            .Select(named => $"{named.Id} in {named.File}")
            .Distinct()
            .ToList();

        Assert.True(Catalogued.Count > 60, $"docs/RULES.md lists {Catalogued.Count} rules");
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_rule_of_the_catalogue_is_named_by_a_test()
    {
        var named = Repository.Files("tests", "*.cs")
            .SelectMany(file => NamedIds().Matches(File.ReadAllText(file)).Select(Normalised))
            .ToHashSet();

        Assert.Empty(Catalogued.Where(id => !named.Contains(id)).Order());
    }

    /// <summary>Spelt in two so that this file does not name it.</summary>
    private static readonly string OutsideFolder = string.Concat("../", "shared");

    [Fact]
    public void Nothing_in_the_repository_points_outside_it()
    {
        var outside = Repository.Files()
            .Where(file => Path.GetExtension(file) is ".cs" or ".md" or ".json" or ".sh" or ".yaml" or ".mjs" or ".props" or ".csproj" or ""
                && File.ReadAllText(file).Contains(OutsideFolder, StringComparison.Ordinal))
            .Select(Repository.Relative);

        Assert.Empty(outside);
    }

    private static string Normalised(Match match) => $"{match.Groups["shop"].Value}-{match.Groups["number"].Value}";

    [GeneratedRegex(@"^\| (?<id>(FR|JI|MP|ALL)-\d{2}) \|", RegexOptions.Multiline)]
    private static partial Regex RuleIds();

    /// <summary>An id as code names it: <c>FR-13</c> in a comment, <c>FR_13</c> in a test's name.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<shop>FR|JI|MP|ALL)[-_](?<number>\d{2})(?!\d)")]
    private static partial Regex NamedIds();
}
