using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>
/// A server the services depend on (PostgreSQL, RabbitMQ), run as a local process or a container:
/// started once what it needs is written, watched so an unasked exit shows, stopped its own way.
/// </summary>
public abstract class ServerResource(string name) : Resource(name)
{
    private ChildProcess? process;
    private string? containerName;

    public override int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>Starts the server; returns once it answers.</summary>
    private protected async Task RunAsync(HostingContext context, Func<string, IReadOnlyList<string>> containerArguments,
        Func<Task<ChildProcess>> startLocal, Func<CancellationToken, Task> waitUntilAnswers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.UseContainers)
        {
            containerName = $"orderplatform-{context.InstanceId}-{Name}";
            process = ContainerCommands.Start(containerArguments(containerName), Log);
        }
        else
        {
            process = await startLocal();
        }

        StartedAt = TimeProvider.System.GetUtcNow();
        await waitUntilAnswers(cancellationToken);
        _ = WatchForExitAsync(process);
    }

    /// <summary>Throws when the server died while we were waiting for it to answer.</summary>
    protected void ThrowIfExited()
    {
        if (process is { HasExited: true } exited)
        {
            throw new InvalidOperationException($"{Name} exited with code {exited.ExitCode} before it answered; see its log.");
        }
    }

    /// <summary>How this server stops cleanly (or fast, when its data is thrown away).</summary>
    private protected abstract Task ShutdownAsync(ChildProcess server);

    /// <summary>What to tidy after the server stopped.</summary>
    protected virtual Task AfterStopAsync(bool wasContainer, CancellationToken cancellationToken) => Task.CompletedTask;

    protected internal override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (process is null)
        {
            return;
        }

        State = ResourceState.Stopping;
        var wasContainer = containerName is not null;
        if (wasContainer)
        {
            await ContainerCommands.StopAsync(containerName!, cancellationToken);
        }

        await ShutdownAsync(process);
        process.Dispose();
        process = null;
        await AfterStopAsync(wasContainer, cancellationToken);
        State = ResourceState.Stopped;
    }

    private async Task WatchForExitAsync(ChildProcess server)
    {
        await server.WaitForExitAsync(CancellationToken.None);
        if (State is not (ResourceState.Stopping or ResourceState.Stopped))
        {
            State = ResourceState.Exited;
            Log.Append($"{Name} exited with code {server.ExitCode}");
        }
    }
}
