using System.Globalization;
using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>
/// The container mode: PostgreSQL and RabbitMQ through <c>docker run</c>, in the foreground so their
/// output streams like a local process's, published on 127.0.0.1 only. Chosen when a Docker engine
/// answers or when asked for.
/// </summary>
public static class ContainerCommands
{
    public const string PostgresImage = "docker.io/library/postgres:15";
    public const string RabbitMqImage = "docker.io/library/rabbitmq:3.13-management";

    public static IReadOnlyList<string> Postgres(string containerName, int port, string password) =>
    [
        "run", "--rm", "--name", containerName,
        "-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}:5432"),
        "-e", "POSTGRES_USER=postgres", "-e", $"POSTGRES_PASSWORD={password}",
        PostgresImage, "-c", "max_connections=500",
    ];

    public static IReadOnlyList<string> RabbitMq(string containerName, int amqpPort, int managementPort) =>
    [
        "run", "--rm", "--name", containerName,
        "-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{amqpPort}:5672"),
        "-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{managementPort}:15672"),
        RabbitMqImage,
    ];

    public static IReadOnlyList<string> Stop(string containerName) => ["stop", "--time", "20", containerName];

    /// <summary>True when <c>docker info</c> answers: a Docker engine is there to run containers.</summary>
    public static async Task<bool> EngineAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, _) = await CommandLine.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], null, TimeSpan.FromSeconds(5), cancellationToken);
            return exitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    internal static ChildProcess Start(IReadOnlyList<string> arguments, ResourceLog log) =>
        ChildProcess.Start("docker", arguments, new Dictionary<string, string>(), Environment.CurrentDirectory, log);

    internal static Task StopAsync(string containerName, CancellationToken cancellationToken) =>
        CommandLine.RunAsync("docker", Stop(containerName), null, TimeSpan.FromSeconds(30), cancellationToken);
}
