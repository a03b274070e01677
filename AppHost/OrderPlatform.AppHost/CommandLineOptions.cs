using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Infrastructure;
using OrderPlatform.Hosting.Model;

namespace OrderPlatform.AppHost;

internal static class CommandLineOptions
{
    public const string Usage = """
        usage: OrderPlatform.AppHost [--preset fashion-retail|japan-import|marketplace] [--free-ports]
                                     [--state-dir DIR | --ephemeral] [--containers]
          --preset      the merchant preset every service runs with (default fashion-retail)
          --free-ports  free ports instead of the well-known 5080/18888/5090 (several systems at once)
          --state-dir   where PostgreSQL and RabbitMQ keep their data between runs
          --ephemeral   throw-away data, deleted when the AppHost stops
          --containers  PostgreSQL and RabbitMQ with docker run (chosen anyway when a Docker engine answers;
                        ORDERPLATFORM_CONTAINERS=false forces local binaries)
        """;

    public static async Task<AppHostOptions?> ParseAsync(string[] args)
    {
        string preset = "fashion-retail", stateDirectory = DefaultStateDirectory();
        bool freePorts = false, ephemeral = false, containers = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--preset" when i + 1 < args.Length: preset = args[++i]; break;
                case "--state-dir" when i + 1 < args.Length: stateDirectory = Path.GetFullPath(args[++i]); break;
                case "--free-ports": freePorts = true; break;
                case "--ephemeral": ephemeral = true; break;
                case "--containers": containers = true; break;
                default: return null;
            }
        }

        var containersSetting = Environment.GetEnvironmentVariable("ORDERPLATFORM_CONTAINERS");
        containers = containersSetting switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => containers || await ContainerCommands.EngineAnswersAsync(CancellationToken.None),
        };

        return new AppHostOptions
        {
            RepositoryRoot = RepositoryLayout.FindRoot(),
            Configuration = RepositoryLayout.BuildConfiguration,
            UseFixedPorts = !freePorts,
            StateDirectory = ephemeral ? null : stateDirectory,
            UseContainers = containers,
            ServiceSettings = new Dictionary<string, string> { ["Merchant__Preset"] = preset },
        };
    }

    /// <summary>
    /// As root, PostgreSQL runs as the postgres user, which must reach its data: keep it under /var/tmp
    /// (a clone under /root is not readable by other users). Otherwise beside the clone, in .data/.
    /// </summary>
    private static string DefaultStateDirectory() => Environment.UserName == "root"
        ? Path.Combine("/var/tmp", "orderplatform", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(RepositoryLayout.FindRoot())))[..12].ToLowerInvariant())
        : Path.Combine(RepositoryLayout.FindRoot(), ".data");
}
