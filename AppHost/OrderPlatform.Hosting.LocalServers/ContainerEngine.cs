using System.Diagnostics;

namespace OrderPlatform.Hosting.LocalServers;

/// <summary>
/// Whether PostgreSQL and RabbitMQ run as Aspire's container resources or from the machine's own
/// binaries: containers when a container engine answers, unless <c>Containers</c> says otherwise.
/// </summary>
public static class ContainerEngine
{
    /// <param name="setting"><c>true</c>, <c>false</c>, or empty to ask the engine.</param>
    public static bool ShouldUse(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => Answers(),
    };

    /// <summary><c>docker info</c> answers only when an engine runs behind the client.</summary>
    public static bool Answers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }

            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
