using OrderPlatform.Shops;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace OrderPlatform.AppHost;

/// <summary>
/// How this run of the platform is set up, from the AppHost's configuration (<c>--Preset japan-import</c>
/// on the command line, as eng/run passes it, or <c>appsettings.json</c>).
/// </summary>
/// <param name="Preset">The merchant preset every service runs with.</param>
/// <param name="StateDirectory">Where PostgreSQL and RabbitMQ keep their data when they run as local processes.</param>
/// <param name="Ephemeral">Throw-away data, deleted when the AppHost stops.</param>
/// <param name="Containers">Aspire's container resources for PostgreSQL and RabbitMQ (when an engine answers).</param>
/// <param name="Replicas">How many copies of each service, the back office and the gateway run (<c>--Replicas 2</c>); Aspire balances
/// requests over them, RabbitMQ messages, and Marten gives one of them each service's outbox relay.</param>
/// <param name="ServiceSettings">Settings given to every service (<c>ServiceSettings:Gateway__RateLimit__PerMinute</c>), for tests and benchmarks.</param>
internal sealed record PlatformSettings(string Preset, string StateDirectory, bool Ephemeral, bool Containers, int Replicas, IReadOnlyDictionary<string, string> ServiceSettings)
{
    /// <summary>Every shop with a profile (<c>services/Shops/Profiles</c>).</summary>
    public static IReadOnlyList<string> Presets => ShopProfiles.Names;

    public static PlatformSettings Read(IConfiguration configuration, string appHostDirectory)
    {
        var preset = configuration["Preset"] ?? ShopProfiles.Default;
        if (!Presets.Contains(preset, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Preset '{preset}' is not one of {string.Join(", ", Presets)}.");
        }

        var replicas = configuration.GetValue("Replicas", 1);
        if (replicas is < 1 or > 8)
        {
            throw new InvalidOperationException($"Replicas is {replicas}: run 1 to 8 copies of each service.");
        }

        var ephemeral = configuration.GetValue("Ephemeral", false);
        var stateDirectory = ephemeral
            ? Path.Combine(Path.GetTempPath(), "orderplatform-ephemeral-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant())
            : configuration["StateDirectory"] is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : DefaultStateDirectory(appHostDirectory);
        var serviceSettings = configuration.GetSection("ServiceSettings").GetChildren()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key, setting => setting.Value!, StringComparer.Ordinal);
        return new PlatformSettings(preset, stateDirectory, ephemeral, Hosting.LocalServers.ContainerEngine.ShouldUse(configuration["Containers"]), replicas,
            serviceSettings);
    }

    /// <summary>
    /// As root, PostgreSQL runs as the postgres user, which must reach its data: keep it under /var/tmp
    /// (a clone under /root is not readable by other users). Otherwise beside the clone, in .data/.
    /// </summary>
    private static string DefaultStateDirectory(string appHostDirectory)
    {
        var repository = Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".."));
        return Environment.UserName == "root"
            ? Path.Combine("/var/tmp", "orderplatform", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..12].ToLowerInvariant())
            : Path.Combine(repository, ".data");
    }
}
