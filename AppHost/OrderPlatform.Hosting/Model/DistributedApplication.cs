using System.Globalization;
using OrderPlatform.Hosting.Dashboard;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Model;

/// <summary>
/// A running system: starts every resource once what it waits for is ready (independent ones
/// together), serves the dashboard, and stops everything in reverse order, leaving no process behind.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly AppHostOptions options;

    internal AppHostOptions Options => options;
    private readonly List<Resource> resources;
    private readonly bool ephemeral;
    private DashboardServer? dashboard;
    private int stopped;

    internal DistributedApplication(AppHostOptions options, List<Resource> resources)
    {
        this.options = options;
        this.resources = resources;
        ephemeral = options.StateDirectory is null;
        InstanceId = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..5]).ToLowerInvariant();
        StateDirectory = options.StateDirectory ?? Path.Combine(Path.GetTempPath(), $"orderplatform-{InstanceId}");
        DashboardAddress = new Uri(string.Create(CultureInfo.InvariantCulture,
            $"http://127.0.0.1:{(options.UseFixedPorts ? options.DashboardPort : FreePort.Next())}"));
    }

    public string InstanceId { get; }
    public string StateDirectory { get; }
    public Uri DashboardAddress { get; }
    public IReadOnlyList<Resource> Resources => resources;

    public T Get<T>(string name) where T : Resource =>
        resources.OfType<T>().SingleOrDefault(resource => resource.Name == name)
        ?? throw new KeyNotFoundException($"No {typeof(T).Name} named {name}.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(StateDirectory);
        var context = new HostingContext(options, InstanceId, StateDirectory, DashboardAddress);
        if (options.StreamToConsole)
        {
            ConsoleOutput.Attach(resources);
        }

        dashboard = await DashboardServer.StartAsync(this, cancellationToken);
        await Task.WhenAll(resources.Select(resource => StartWhenReadyAsync(resource, context, cancellationToken)));
    }

    private static async Task StartWhenReadyAsync(Resource resource, HostingContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (resource.WaitsFor.Count > 0)
            {
                resource.Log.Append($"waiting for {string.Join(", ", resource.WaitsFor.Select(dependency => dependency.Name))}");
                await Task.WhenAll(resource.WaitsFor.Select(dependency => dependency.Ready));
            }

            await resource.StartAsync(context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            resource.MarkFailedFromHost(e);
            throw;
        }
    }

    /// <summary>Runs until Ctrl-C or SIGTERM, then stops everything.</summary>
    public async Task RunAsync(Action<DistributedApplication>? started = null)
    {
        using var shutdown = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; shutdown.Cancel(); });
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, signal => { signal.Cancel = true; shutdown.Cancel(); });
        using var sighup = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGHUP, signal => { signal.Cancel = true; shutdown.Cancel(); });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().GetAwaiter().GetResult();
        try
        {
            await StartAsync(shutdown.Token);
            started?.Invoke(this);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Asked to stop.
        }
        finally
        {
            await StopAsync();
        }
    }

    /// <summary>Stops the services first, all at once, then the infrastructure in reverse order. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await Task.WhenAll(resources.OfType<ProjectResource>().Select(StopQuietlyAsync));
        foreach (var resource in Enumerable.Reverse(resources).Where(resource => resource is not ProjectResource))
        {
            await StopQuietlyAsync(resource);
        }

        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }

        // Whatever a child left running after a clean stop (a daemon it spawned) goes too.
        ProcessSweep.KillAll(HostingContext.InstanceVariable, InstanceId);

        if (ephemeral)
        {
            TryDelete(StateDirectory);
        }
    }

    private static async Task StopQuietlyAsync(Resource resource)
    {
        try
        {
            await resource.StopAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            resource.Log.Append($"did not stop cleanly: {e.Message}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
