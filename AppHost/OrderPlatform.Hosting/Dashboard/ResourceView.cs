using OrderPlatform.Hosting.Model;

namespace OrderPlatform.Hosting.Dashboard;

internal sealed record ResourceView(
    string Name,
    string Type,
    string State,
    int? Pid,
    double? UptimeSeconds,
    int Restarts,
    IReadOnlyDictionary<string, Uri> Endpoints,
    IReadOnlyDictionary<string, string> Environment)
{
    public static ResourceView Of(Resource resource) => new(
        resource.Name,
        resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
        resource.State.ToString(),
        resource.ProcessId,
        resource.StartedAt is { } started && resource.ProcessId is not null ? Math.Round((TimeProvider.System.GetUtcNow() - started).TotalSeconds) : null,
        resource.RestartCount,
        resource.Endpoints,
        resource.DisplayEnvironment);
}
