namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The whole system under the japan-import preset (charged at order, parcels by La Poste), for the
/// promises that differ from fashion-retail's. Orders go to the warehouse eight seconds after confirmation: time enough for a
/// test to change or cancel one [JI-06], not to keep the others waiting.
/// </summary>
public sealed class JapanImportPlatform : PlatformFixture
{
    protected override string Preset => "japan-import";

    protected override bool WithDashboard => false;

    protected override IReadOnlyDictionary<string, string> PresetSettings { get; } = new Dictionary<string, string>
    {
        ["Shop__Orders__HandOffDelay"] = "00:00:08",
        ["Ordering__HandOffScanInterval"] = "00:00:01",
    };
}

[CollectionDefinition(Name)]
public sealed class JapanImportCollection : ICollectionFixture<JapanImportPlatform>
{
    public const string Name = "japan-import";
}
