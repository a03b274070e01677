using System.Diagnostics;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace OrderPlatform.EndToEndTests.Deployment;

/// <summary>
/// deploy/'s overlays as a cluster would get them: rendered by kustomize (Debian's kubectl), validated offline against the
/// Kubernetes schemas (npm's kubernetes-models, deploy/check) and loaded typed and strict (KubernetesClient: a field Kubernetes does
/// not know fails the load).
/// </summary>
public static partial class Manifests
{
    public static readonly string[] Overlays = ["development", "production"];

    /// <summary>The custom resources of the two operators: validated by deploy/check, not known to KubernetesClient.</summary>
    private static readonly string[] OperatorKinds = ["Cluster", "RabbitmqCluster"];

    public static string Repository => OrderPlatform.Tests.Repository.Root;

    public static async Task<string> RenderAsync(string overlay) =>
        await RunAsync("kubectl", ["kustomize", Path.Combine(Repository, "deploy", "overlays", overlay)]);

    /// <summary>deploy/check/validate.mjs over the rendered objects: what it found wrong, or nothing.</summary>
    public static async Task<string> SchemaProblemsAsync(string rendered)
    {
        var (exitCode, output) = await RunWithExitCodeAsync("node", [Path.Combine(Repository, "deploy", "check", "validate.mjs")], rendered);
        return exitCode == 0 ? "" : output;
    }

    /// <summary>Every Kubernetes object but the operators' custom resources, typed; a field Kubernetes does not have throws.</summary>
    public static IReadOnlyList<IKubernetesObject> LoadStrict(string rendered) =>
        Documents(rendered).Where(document => !OperatorKinds.Contains(KindOf(document), StringComparer.Ordinal))
            .SelectMany(document => KubernetesYaml.LoadAllFromString(document, strict: true)).Cast<IKubernetesObject>().ToList();

    public static IEnumerable<string> Documents(string rendered) =>
        DocumentSeparator().Split(rendered).Where(document => !string.IsNullOrWhiteSpace(document));

    private static string KindOf(string document) => KindLine().Match(document) is { Success: true } kind ? kind.Groups[1].Value : "";

    /// <summary>
    /// The environment a container of <paramref name="pod"/> gets, as the kubelet would make it: ConfigMaps' keys, literal values
    /// (with <c>$(VAR)</c> references expanded), and for a Secret's key a stand-in (the manifests name secrets, never hold them).
    /// </summary>
    public static Dictionary<string, string> EnvironmentOf(V1PodSpec pod, IReadOnlyList<IKubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(map => map.Metadata.Name, map => map.Data ?? new Dictionary<string, string>());
        var container = pod.Containers.Single();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            foreach (var (name, value) in configMaps[source.ConfigMapRef.Name])
            {
                environment[name] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable switch
            {
                { Value: { } value } => Reference().Replace(value, match => environment.GetValueOrDefault(match.Groups[1].Value, match.Value)),
                { ValueFrom.SecretKeyRef: { } secret } => $"stand-in-for-{secret.Name}-{secret.Key}-" + new string('x', 32),
                { ValueFrom.ConfigMapKeyRef: { } key } => configMaps[key.Name][key.Key],
                _ => "from-the-pod",
            };
        }

        return environment;
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? input = null)
    {
        var (exitCode, output) = await RunWithExitCodeAsync(program, arguments, input);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunWithExitCodeAsync(string program, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not end within 2 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^kind:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
