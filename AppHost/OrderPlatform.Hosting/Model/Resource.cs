namespace OrderPlatform.Hosting.Model;

/// <summary>
/// Something the AppHost runs: a name, a state, what it waits for before starting, and its console
/// output. <see cref="Ready"/> completes the first time it is ready for its dependents.
/// </summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Resource> waitsFor = [];

    public string Name { get; } = name;
    public ResourceState State { get; protected set; } = ResourceState.NotStarted;
    public ResourceLog Log { get; } = new();
    public IReadOnlyList<Resource> WaitsFor => waitsFor;
    public int RestartCount { get; protected set; }
    public DateTimeOffset? StartedAt { get; protected set; }
    public Task Ready => ready.Task;

    /// <summary>Process id of the running resource, when it is a process.</summary>
    public virtual int? ProcessId => null;

    /// <summary>Addresses a person or a test can open (name → URL).</summary>
    public virtual IReadOnlyDictionary<string, Uri> Endpoints => new Dictionary<string, Uri>();

    /// <summary>The environment the resource was started with (values of secrets masked).</summary>
    public virtual IReadOnlyDictionary<string, string> DisplayEnvironment => new Dictionary<string, string>();

    internal void AddWaitFor(Resource dependency) => waitsFor.Add(dependency);

    protected internal abstract Task StartAsync(HostingContext context, CancellationToken cancellationToken);

    protected internal abstract Task StopAsync(CancellationToken cancellationToken);

    protected void MarkReady()
    {
        State = ResourceState.Running;
        ready.TrySetResult();
    }

    internal void MarkFailedFromHost(Exception error) => MarkFailed(error);

    protected void MarkFailed(Exception error)
    {
        State = ResourceState.FailedToStart;
        Log.Append($"failed to start: {error.Message}");
        ready.TrySetException(error);
    }
}
