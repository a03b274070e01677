using System.Globalization;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Model;

/// <summary>
/// A .NET service started from its build output (never through a second <c>dotnet run</c>), given its
/// connection strings, the addresses of the services it references and the telemetry endpoint, the
/// Aspire way. Ready when its <c>/health</c> answers 200; restarted with backoff when it crashes.
/// </summary>
public sealed class ProjectResource : Resource
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly HashSet<string> secretVariables = new(StringComparer.Ordinal);
    private readonly List<IResourceWithConnectionString> connectionStrings = [];
    private readonly List<ProjectResource> serviceReferences = [];
    private readonly CancellationTokenSource stopping = new();
    private ChildProcess? process;
    private Task? supervision;
    private volatile bool held;
    private TaskCompletionSource resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HostingContext? context;

    internal ProjectResource(string name, string projectName, int port) : base(name)
    {
        ProjectName = projectName;
        Port = port;
    }

    /// <summary>The project's assembly name, e.g. OrderPlatform.Catalog.</summary>
    public string ProjectName { get; }
    public int Port { get; }
    public Uri HttpAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"));
    public override int? ProcessId => process is { HasExited: false } running ? running.Id : null;
    public override IReadOnlyDictionary<string, Uri> Endpoints => new Dictionary<string, Uri> { ["http"] = HttpAddress };

    /// <summary>Variables whose values the dashboard masks (connection strings carry passwords).</summary>
    public IReadOnlyCollection<string> SecretVariableNames => secretVariables;

    public override IReadOnlyDictionary<string, string> DisplayEnvironment => context is null
        ? new Dictionary<string, string>()
        : BuildEnvironment(context).ToDictionary(
            variable => variable.Key,
            variable => secretVariables.Contains(variable.Key) ? "******" : variable.Value);

    /// <summary>Injects <c>ConnectionStrings__{name}</c> and waits for the resource that owns it.</summary>
    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        connectionStrings.Add(resource);
        secretVariables.Add($"ConnectionStrings__{resource.Name}");
        return WaitFor(resource.Owner);
    }

    /// <summary>Injects <c>services__{name}__http__0</c>: where the referenced service answers.</summary>
    public ProjectResource WithReference(ProjectResource service)
    {
        ArgumentNullException.ThrowIfNull(service);
        serviceReferences.Add(service);
        return this;
    }

    public ProjectResource WaitFor(Resource dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        if (!WaitsFor.Contains(dependency))
        {
            AddWaitFor(dependency);
        }

        return this;
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        environment[name] = value;
        return this;
    }

    internal Dictionary<string, string> BuildEnvironment(HostingContext hosting)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HostingContext.InstanceVariable] = hosting.InstanceId,
            ["ASPNETCORE_URLS"] = HttpAddress.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = hosting.Options.Environment,
            ["DOTNET_ENVIRONMENT"] = hosting.Options.Environment,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = hosting.DashboardAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // The dashboard charts metrics: every 5 s rather than the SDK's minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in hosting.Options.ServiceSettings)
        {
            variables[key] = value;
        }

        foreach (var resource in connectionStrings)
        {
            variables[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        }

        foreach (var service in serviceReferences)
        {
            variables[$"services__{service.Name}__http__0"] = service.HttpAddress.ToString();
        }

        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        return variables;
    }

    internal string AssemblyPath(HostingContext hosting) => Path.Combine(
        hosting.Options.RepositoryRoot, "artifacts", "bin", ProjectName, hosting.Options.Configuration, ProjectName + ".dll");

    protected internal override async Task StartAsync(HostingContext hosting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        context = hosting;
        var assembly = AssemblyPath(hosting);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is missing: build the solution first (eng/run does).", assembly);
        }

        State = ResourceState.Starting;
        Launch(hosting, assembly);
        await WaitUntilHealthyAsync(hosting.Options.StartTimeout, cancellationToken);
        MarkReady();
        supervision = SuperviseAsync(hosting, assembly, stopping.Token);
    }

    private void Launch(HostingContext hosting, string assembly)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        process?.Dispose();
        process = ChildProcess.Start(dotnet, [assembly], BuildEnvironment(hosting), Path.GetDirectoryName(assembly)!, Log);
        StartedAt = TimeProvider.System.GetUtcNow();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await IsHealthyAsync(cancellationToken))
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready; see its log.");
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"{Name} was not healthy within {timeout}.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri(HttpAddress, "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Watches health while it runs; restarts it with growing backoff when it exits unasked.</summary>
    private async Task SuperviseAsync(HostingContext hosting, string assembly, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                while (process is { HasExited: false })
                {
                    State = await IsHealthyAsync(cancellationToken) ? ResourceState.Running : ResourceState.Unhealthy;
                    await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(TimeSpan.FromSeconds(2), cancellationToken));
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (held)
                {
                    // Stopped from the dashboard: it stays down until started again from there.
                    State = ResourceState.Stopped;
                    Log.Append("stopped by an operator");
                    await resume.Task.WaitAsync(cancellationToken);
                    Log.Append("started by an operator");
                    RestartCount++;
                    State = ResourceState.Starting;
                    Launch(hosting, assembly);
                    continue;
                }

                var ranFor = TimeProvider.System.GetUtcNow() - StartedAt.GetValueOrDefault();
                backoff = ranFor > StableAfter ? TimeSpan.FromSeconds(1) : backoff;
                State = ResourceState.Restarting;
                Log.Append(string.Create(CultureInfo.InvariantCulture, $"exited with code {process?.ExitCode}; restarting in {backoff.TotalSeconds:0}s"));
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                RestartCount++;
                State = ResourceState.Starting;
                Launch(hosting, assembly);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>An operator stops the service: it is not restarted until <see cref="StartByOperator"/>. False when it is not running.</summary>
    public async Task<bool> StopByOperatorAsync()
    {
        if (held || process is not { HasExited: false } running || supervision is null)
        {
            return false;
        }

        resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held = true;
        await running.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(15));
        return true;
    }

    /// <summary>An operator starts a service they stopped. False when it was not stopped by an operator.</summary>
    public bool StartByOperator()
    {
        if (!held)
        {
            return false;
        }

        held = false;
        resume.TrySetResult();
        return true;
    }

    /// <summary>An operator restarts the service: stopped gracefully, started again by its supervision (restart count + 1).</summary>
    public async Task<bool> RestartByOperatorAsync()
    {
        if (held)
        {
            return StartByOperator();
        }

        if (process is not { HasExited: false } running || supervision is null)
        {
            return false;
        }

        Log.Append("restart asked by an operator");
        await running.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(15));
        return true;
    }

    protected internal override async Task StopAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Stopping;
        held = false;
        await stopping.CancelAsync();
        if (supervision is not null)
        {
            await supervision;
        }

        if (process is not null)
        {
            await process.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(15));
            process.Dispose();
            process = null;
        }

        State = ResourceState.Stopped;
    }
}
