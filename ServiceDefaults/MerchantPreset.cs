using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Which merchant this deployment serves (<c>Merchant:Preset</c>). Each service maps it to its own
/// policy values, as data; domain code receives the values, never the preset's name.
/// </summary>
public sealed record MerchantPreset(string Name)
{
    public const string FashionRetail = "fashion-retail";
    public const string JapanImport = "japan-import";
    public const string Marketplace = "marketplace";

    public static readonly IReadOnlyList<string> All = [FashionRetail, JapanImport, Marketplace];

    /// <summary>Reads and checks the preset; an unknown one stops the service at start, naming the setting.</summary>
    public static MerchantPreset From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Merchant:Preset"] ?? FashionRetail;
        return All.Contains(name)
            ? new MerchantPreset(name)
            : throw new InvalidOperationException($"Merchant:Preset is '{name}'; it must be one of {string.Join(", ", All)}.");
    }

    internal static void Register(IHostApplicationBuilder builder) =>
        builder.Services.AddSingleton(From(builder.Configuration));
}
