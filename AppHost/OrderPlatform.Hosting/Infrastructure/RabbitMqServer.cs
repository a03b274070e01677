using System.Globalization;
using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>
/// RabbitMQ with the management plugin, bound to 127.0.0.1: from the local <c>rabbitmq-server</c> with a
/// private node name, data directory, Erlang port mapper and ports (so it never meets the machine's own
/// node), or as a container. Ports are kept across a stop and start, so clients reconnect by themselves.
/// </summary>
public sealed class RabbitMqServer(string name) : ServerResource(name), IResourceWithConnectionString
{
    private const string User = "guest";
    private const string Secret = "guest"; // RabbitMQ lets guest in from loopback only.
    private string? directory;
    private bool ephemeral;
    // Chosen when declared and kept across a stop and start, so clients reconnect by themselves.
    private readonly int epmdPort = FreePort.Next();
    private readonly int distributionPort = FreePort.Next();

    public int AmqpPort { get; } = FreePort.Next();
    public int ManagementPort { get; } = FreePort.Next();
    public Resource Owner => this;

    public string ConnectionString => ConnectionStringFor("/");

    public string ConnectionStringFor(string virtualHost) =>
        $"amqp://{User}:{Secret}@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(virtualHost)}";

    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort}/");

    public override IReadOnlyDictionary<string, Uri> Endpoints => new Dictionary<string, Uri> { ["amqp"] = new($"amqp://127.0.0.1:{AmqpPort}"), ["management"] = ManagementAddress };

    protected internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        State = ResourceState.Starting;
        ephemeral = context.Options.StateDirectory is null;
        await RunAsync(context,
            container => ContainerCommands.RabbitMq(container, AmqpPort, ManagementPort),
            () =>
            {
                directory = Directory.CreateDirectory(Path.Combine(context.StateDirectory, Name)).FullName;
                WriteConfiguration(directory);
                return Task.FromResult(ChildProcess.Start(LocalBinaries.RabbitMqServer(), [], LocalEnvironment(context), directory, Log));
            },
            token => WaitUntilAnswersAsync(context.Options.StartTimeout, token),
            cancellationToken);
        MarkReady();
    }

    private void WriteConfiguration(string home)
    {
        File.WriteAllText(Path.Combine(home, "rabbitmq.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {ManagementPort}
            loopback_users.guest = true
            """));
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), "[rabbitmq_management].\n");
    }

    private Dictionary<string, string> LocalEnvironment(HostingContext context) => new()
    {
        [HostingContext.InstanceVariable] = context.InstanceId,
        // HOME holds the Erlang cookie: a private one per node.
        ["HOME"] = directory!,
        ["RABBITMQ_NODENAME"] = $"orderplatform-{context.InstanceId}@localhost",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory!, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory!, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory!, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory!, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory!, "rabbitmq.pid"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };

    private async Task WaitUntilAnswersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var management = ManagementClient();
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            ThrowIfExited();
            try
            {
                using var response = await management.GetAsync(new Uri("api/overview", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode && FreePort.IsListening(AmqpPort))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"RabbitMQ did not answer within {timeout}.");
            }

            await Task.Delay(300, cancellationToken);
        }
    }

    public HttpClient ManagementClient() => RabbitMqAdmin.Client(ManagementAddress, User, Secret);

    private protected override async Task ShutdownAsync(ChildProcess server)
    {
        if (ephemeral)
        {
            // Throw-away data (tests): a clean shutdown takes seconds and keeps nothing worth keeping.
            // The node's own pid file names the Erlang VM: kill it first, directly, then the script.
            if (directory is not null && File.Exists(Path.Combine(directory, "rabbitmq.pid"))
                && int.TryParse(File.ReadAllText(Path.Combine(directory, "rabbitmq.pid")).Trim(), out var node))
            {
                Signals.Send(node, Signals.SigKill);
            }

            server.Kill();
        }
        else
        {
            // rabbitmq-server stops the node cleanly on SIGTERM.
            await server.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(30));
        }
    }

    protected override async Task AfterStopAsync(bool wasContainer, CancellationToken cancellationToken)
    {
        if (!wasContainer)
        {
            // The node's private Erlang port mapper outlives it unless told to go.
            var epmd = new Dictionary<string, string> { ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture) };
            await CommandLine.RunAsync(LocalBinaries.Epmd(), ["-kill"], epmd, TimeSpan.FromSeconds(10), cancellationToken);
        }
    }
}
