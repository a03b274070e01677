using System.Diagnostics;
using System.Text.RegularExpressions;
using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.EndToEndTests;

/// <summary>The AppHost program itself, as `eng/run` starts it: up, healthy, and gone without a trace on SIGTERM.</summary>
public sealed partial class AppHostProcessTests
{
    [Fact]
    public async Task Stopping_the_AppHost_leaves_no_postgres_rabbitmq_or_service_process_behind()
    {
        var appHost = Path.Combine(RepositoryLayout.FindRoot(), "artifacts", "bin", "OrderPlatform.AppHost",
            RepositoryLayout.BuildConfiguration, "OrderPlatform.AppHost.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["ORDERPLATFORM_CONTAINERS"] = "false" },
        };
        foreach (var argument in (string[])[appHost, "--ephemeral", "--free-ports"])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var started = new TaskCompletionSource<(string Instance, Uri Gateway)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Uri? gatewayAddress = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (GatewayLine().Match(e.Data) is { Success: true } gateway)
            {
                gatewayAddress = new Uri(gateway.Groups[1].Value);
            }
            else if (InstanceLine().Match(e.Data) is { Success: true } instance && gatewayAddress is not null)
            {
                started.TrySetResult((instance.Groups[1].Value, gatewayAddress));
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var (instanceId, gatewayUri) = await started.Task.WaitAsync(TimeSpan.FromMinutes(3));
            using var client = new HttpClient { BaseAddress = gatewayUri };
            Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode, "the gateway should be healthy once the AppHost says it runs");
            Assert.NotEmpty(ProcessSweep.Find(HostingContext.InstanceVariable, instanceId));

            Signals.Send(process.Id, Signals.SigTerm);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(0, process.ExitCode);
            Assert.Empty(ProcessSweep.Find(HostingContext.InstanceVariable, instanceId));
        }
        catch (Exception e) when (e is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- AppHost output (tail) ---\n{string.Join('\n', output.TakeLast(60))}", e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"^\s+gateway\s+(http://\S+)")]
    private static partial Regex GatewayLine();

    [GeneratedRegex(@"^\s+instance\s+(\S+)")]
    private static partial Regex InstanceLine();
}
