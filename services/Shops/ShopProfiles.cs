using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderPlatform.Shops;

/// <summary>The shops' profiles, one file each in <c>Profiles/</c> (built into this assembly), and how a service takes its shop's.</summary>
public static class ShopProfiles
{
    public const string PresetSetting = "Merchant:Preset";
    public const string Default = "fashion-retail";

    /// <summary>Every shop a deployment may serve: one per profile file.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ShopProfiles).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("shops/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
        .Select(name => name["shops/".Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The shop named by <c>Merchant:Preset</c> (fashion-retail when unset): its profile's values go under the configuration first, so any
    /// setting overrides them (<c>Shop__Orders__HandOffDelay</c>); the result is checked at start, and a service with an unknown shop or a
    /// profile that does not hold together does not start, naming what is wrong.
    /// </summary>
    public static TBuilder AddShopProfile<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Configuration[PresetSetting] ?? Default;
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = ValuesOf(name) });
        builder.Services.AddSingleton<IValidateOptions<ShopProfile>, ShopProfileValidation>();
        builder.Services.AddOptions<ShopProfile>().Bind(builder.Configuration.GetSection(ShopProfile.Section)).ValidateOnStart();
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<ShopProfile>>().Value);
        return builder;
    }

    /// <summary>A shop's profile as its file says, checked: for tests and tools.</summary>
    public static ShopProfile Load(string name)
    {
        var profile = new ConfigurationBuilder().AddInMemoryCollection(ValuesOf(name)).Build().GetSection(ShopProfile.Section).Get<ShopProfile>()
            ?? throw new InvalidOperationException($"The profile of {name} is empty.");
        var errors = ShopProfileValidation.Errors(profile);
        return errors.Count == 0 ? profile : throw new InvalidOperationException($"The profile of {name} does not hold together: {string.Join("; ", errors)}");
    }

    private static Dictionary<string, string?> ValuesOf(string name)
    {
        if (!Names.Contains(name))
        {
            throw new InvalidOperationException($"{PresetSetting} is '{name}'; it must be one of {string.Join(", ", Names)}.");
        }

        using var file = typeof(ShopProfiles).Assembly.GetManifestResourceStream($"shops/{name}.json")!;
        return new ConfigurationBuilder().AddJsonStream(file).Build().AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => $"{ShopProfile.Section}:{pair.Key}", pair => pair.Value);
    }
}
