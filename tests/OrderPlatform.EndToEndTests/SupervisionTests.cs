using System.Diagnostics;
using OrderPlatform.Hosting.Model;

namespace OrderPlatform.EndToEndTests;

/// <summary>The AppHost restarts a service that dies, and the system is whole again.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisionTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_healthy_again()
    {
        var returns = platform.System.Get<ProjectResource>("returns");
        var pid = returns.ProcessId ?? throw new InvalidOperationException("returns is not running");
        var restarts = returns.RestartCount;

        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }

        await Eventually.TrueAsync(() => Task.FromResult(returns.RestartCount > restarts), TimeSpan.FromSeconds(30), "the AppHost to restart returns");
        await Eventually.TrueAsync(() => Task.FromResult(returns.State == ResourceState.Running && returns.ProcessId is { } again && again != pid),
            TimeSpan.FromSeconds(90), "returns to be running and healthy again");
        await Eventually.TrueAsync(async () => (await platform.Gateway.GetAsync("/health")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the gateway to be healthy again");
    }
}
