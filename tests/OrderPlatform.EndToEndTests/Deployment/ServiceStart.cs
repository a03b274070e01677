using System.Diagnostics;
using System.Net.Sockets;
using k8s;
using k8s.Models;

namespace OrderPlatform.EndToEndTests.Deployment;

/// <summary>
/// Starts a service's own build with exactly the environment its Deployment gives it (Secrets stood in for, its database and RabbitMQ
/// not there): a setting the service reads at start that the manifests do not provide stops it with the service's own message naming
/// it; given everything, it comes up live (it answers /alive) and is only waiting for its database and RabbitMQ (Accounts, which
/// needs its signing keys at start, stops at its database instead: it got past every setting).
/// </summary>
public static class ServiceStart
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The project folder of each Deployment's build (artifacts/bin/OrderPlatform.{folder}).</summary>
    private static readonly Dictionary<string, string> Projects = new(StringComparer.Ordinal)
    {
        ["accounts"] = "Accounts", ["catalog"] = "Catalog", ["ordering"] = "Ordering", ["payment"] = "Payment", ["shipping"] = "Shipping",
        ["returns"] = "Returns", ["conversations"] = "Conversations", ["notification"] = "Notification", ["backoffice"] = "BackOffice", ["gateway"] = "Gateway",
    };

    public static IEnumerable<V1Deployment> ServiceDeployments(IReadOnlyList<IKubernetesObject> objects) =>
        objects.OfType<V1Deployment>().Where(deployment => Projects.ContainsKey(deployment.Metadata.Name));

    /// <summary>Null when the service came up with its manifests' settings; otherwise why not, in its own words.</summary>
    public static async Task<string?> ProblemAsync(V1Deployment deployment, IReadOnlyList<IKubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var name = deployment.Metadata.Name;
        var configuration = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
        var directory = Path.Combine(Manifests.Repository, "artifacts", "bin", $"OrderPlatform.{Projects[name]}", configuration);
        var environment = Manifests.EnvironmentOf(deployment.Spec.Template.Spec, objects);
        var port = FreePort();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}"; // beside the manifests' 8080, which another may use here
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, $"OrderPlatform.{Projects[name]}.dll"));
        start.Environment.Clear();
        foreach (var inherited in new[] { "PATH", "HOME", "DOTNET_ROOT", "ORDERPLATFORM_TEST_RUN" })
        {
            start.Environment[inherited] = Environment.GetEnvironmentVariable(inherited);
        }

        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        using var process = Process.Start(start)!;
        var printed = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (printed) { printed.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (printed) { printed.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < Patience)
            {
                if (process.HasExited)
                {
                    lock (printed)
                    {
                        // Accounts loads its signing keys at start: with its settings all there, it goes as far as its database.
                        return printed.ToString().Contains("Unhandled exception. Npgsql.NpgsqlException", StringComparison.Ordinal)
                            ? null
                            : $"{name} stopped at start (exit code {process.ExitCode}):\n{printed}";
                    }
                }

                try
                {
                    using var alive = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/alive"));
                    if (alive.IsSuccessStatusCode)
                    {
                        return null;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Busy starting.
                }

                await Task.Delay(250);
            }

            return $"{name} neither came up nor stopped within {Patience}";
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
