using System.Diagnostics;
using System.Net.Http.Json;

namespace OrderPlatform.EndToEndTests.Chaos;

/// <summary>
/// Everything that fails in production, once each and in turn: every service's process killed and started again, RabbitMQ and
/// PostgreSQL restarted, the PSP timing out and failing, the SMTP relay down. Each fault is logged with when it began and ended.
/// </summary>
public sealed class Faults(ChaosPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly string[] Services = ["catalog", "ordering", "payment", "shipping", "returns", "notification", "accounts", "conversations"];

    public List<string> Injected { get; } = [];

    /// <summary>Services that did not stop within the orchestrator's time: a finding of the run, not a violation.</summary>
    public List<string> Slow { get; } = [];

    /// <summary>
    /// Applies every fault once, a few seconds apart, and again from the start until <paramref name="until"/> says stop. The services
    /// are killed in turn, or, for the short run in eng/test, all at once: with two copies of each, first one copy of every service
    /// (the others carry on alone for a while: their consumers take every message, one of them takes the outbox relay over), then
    /// every copy (the whole application tier lost at one moment).
    /// </summary>
    public async Task RunAsync(Func<bool> until, TimeSpan pause, bool servicesInTurn)
    {
        var replicated = platform.Replicas > 1;
        var down = TimeSpan.FromSeconds(3);
        List<(string, Func<Task>)> killed = servicesInTurn
            ? Services.Select(service => (replicated ? $"SIGKILL one copy of {service} and start it" : $"SIGKILL and start {service}",
                (Func<Task>)(async () => await KillAndStartAsync(await OneCopyAsync(service), down)))).ToList()
            : [];
        if (!servicesInTurn && replicated)
        {
            killed.Add(("SIGKILL one copy of every service at once, the other copies alone for 10 s",
                () => Task.WhenAll(Services.Select(async service => await KillAndStartAsync(await OneCopyAsync(service), TimeSpan.FromSeconds(10))))));
        }

        if (!servicesInTurn)
        {
            killed.Add(("SIGKILL and start every copy of every service at once",
                () => Task.WhenAll(Services.Select(async service => await Task.WhenAll((await CopiesAsync(service)).Select(copy => KillAndStartAsync(copy, down)))))));
        }

        var faults = killed
            .Concat(
            [
                ("restart RabbitMQ", () => RestartAsync("messaging")),
                ("PSP times out (3 calls)", () => PspFaultAsync("timeout", 3)),
                ("restart PostgreSQL", () => RestartAsync("postgres")),
                ("PSP fails (3 calls)", () => PspFaultAsync("error", 3)),
                ("SMTP relay down 15 s", SmtpDownAsync),
            ]).ToList();
        for (var round = 0; round == 0 || !until(); round++)
        {
            foreach (var (name, apply) in faults)
            {
                var clock = Stopwatch.StartNew();
                await apply();
                Injected.Add($"{name}: {clock.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(pause);
            }
        }
    }

    /// <summary>
    /// One copy of the service is killed (SIGKILL: no shutdown, no last flush), as when a node dies under it; DCP, which does not notice a
    /// process killed from outside on its own, is then told it stopped (so it takes it out of the service's address), and starts it
    /// again after <paramref name="down"/>.
    /// </summary>
    private async Task KillAndStartAsync(ResourceEvent copy, TimeSpan down)
    {
        var app = platform.App;
        var before = copy.Snapshot;
        if (!Kill(before))
        {
            await StopOrKillAsync(copy.ResourceId, before);
        }
        else
        {
            await app.ResourceCommands.ExecuteCommandAsync(copy.ResourceId, KnownResourceCommands.StopCommand); // the process is gone already
        }

        await Task.Delay(down); // requests and messages for it go to the other copy, or wait
        Assert.True((await app.ResourceCommands.ExecuteCommandAsync(copy.ResourceId, KnownResourceCommands.StartCommand)).Success, $"start {copy.ResourceId}");
        await app.ResourceNotifications.WaitForResourceAsync(copy.Resource.Name, change => change.ResourceId == copy.ResourceId
            && change.Snapshot.StartTimeStamp > before.StartTimeStamp
            && change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).WaitAsync(Patience);
    }

    private async Task<ResourceEvent> OneCopyAsync(string service)
    {
        var copies = await CopiesAsync(service);
        return copies[Random.Shared.Next(copies.Count)];
    }

    /// <summary>Every copy of the service, once each is running and healthy (each copy is a resource of its own: ordering-x1y2z3ab).</summary>
    private async Task<IReadOnlyList<ResourceEvent>> CopiesAsync(string service)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var copies = new Dictionary<string, ResourceEvent>(StringComparer.Ordinal);
        await foreach (var change in platform.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (change.Resource.Name != service)
            {
                continue;
            }

            copies[change.ResourceId] = change;
            if (copies.Count == platform.Replicas && copies.Values.All(copy => copy.Snapshot.State?.Text == KnownResourceStates.Running
                    && copy.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy))
            {
                return copies.Values.ToList();
            }
        }

        throw new TimeoutException($"{service}: {platform.Replicas} healthy copies not seen within {Patience}");
    }

    /// <summary>SIGKILLs the resource's process (and its children); false when its process id is not known.</summary>
    private static bool Kill(CustomResourceSnapshot snapshot)
    {
        if (!int.TryParse(snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value?.ToString(), out var pid))
        {
            return false;
        }

        try
        {
            Process.GetProcessById(pid).Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Gone meanwhile.
        }

        return true;
    }

    private async Task RestartAsync(string resource)
    {
        var app = platform.App;
        var before = (await app.ResourceNotifications.WaitForResourceHealthyAsync(resource)).Snapshot;
        await StopOrKillAsync(resource, before);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True((await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand)).Success, $"start {resource}");
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource).WaitAsync(Patience);
    }

    /// <summary>
    /// Stops the resource through DCP; one that does not shut down within DCP's time (a service or PostgreSQL under load, seen in
    /// long runs) is killed, as the orchestrator would, and reported.
    /// </summary>
    private async Task StopOrKillAsync(string resource, CustomResourceSnapshot before)
    {
        if ((await platform.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand)).Success)
        {
            return;
        }

        Slow.Add($"{resource} did not stop within DCP's time and was killed");
        Kill(before);
    }

    private async Task PspFaultAsync(string kind, int count)
    {
        using var psp = new HttpClient { BaseAddress = platform.Sandboxes };
        using var scripted = await psp.PostAsJsonAsync("/psp/control/faults", new { kind, count, delayMilliseconds = 0 });
        scripted.EnsureSuccessStatusCode();
    }

    private async Task SmtpDownAsync()
    {
        Assert.True((await platform.App.ResourceCommands.ExecuteCommandAsync("sandboxes", "mail-relay-down")).Success);
        await Task.Delay(TimeSpan.FromSeconds(15));
        Assert.True((await platform.App.ResourceCommands.ExecuteCommandAsync("sandboxes", "mail-relay-up")).Success);
    }
}
