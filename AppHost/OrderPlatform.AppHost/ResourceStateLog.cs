using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.AppHost;

/// <summary>
/// The AppHost's console for the operator who started it: each resource's state and health as they
/// change, and one line once everything is up, with where the gateway and the dashboard answer.
/// </summary>
internal sealed partial class ResourceStateLog(ResourceNotificationService notifications, DistributedApplicationModel model,
    ILogger<ResourceStateLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        var announced = false;
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (change.Snapshot.IsHidden || change.Resource is ParameterResource)
            {
                continue;
            }

            var state = $"{change.Snapshot.State?.Text ?? "?"}{(change.Snapshot.HealthStatus is { } health ? $" ({health})" : "")}";
            // Each copy of a replicated service is a resource of its own (ordering-x1y2z3ab).
            if (seen.TryGetValue(change.ResourceId, out var before) && before == state)
            {
                continue;
            }

            seen[change.ResourceId] = state;
            latest[change.Resource.Name] = state;
            LogState(change.ResourceId, state);
            if (!announced && Everything(latest, "Running (Healthy)"))
            {
                announced = true;
                LogRunning(Address("gateway"), Address("sandboxes"));
            }
        }
    }

    private bool Everything(Dictionary<string, string> seen, string state) =>
        model.Resources.Where(resource => resource is ProjectResource or IResourceWithConnectionString && !SchemaMigrations.IsMigration(resource))
            .All(resource => seen.TryGetValue(resource.Name, out var current) && current == state);

    private string Address(string resource) =>
        model.Resources.OfType<ProjectResource>().Single(project => project.Name == resource).GetEndpoint("http").Url;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource}: {State}")]
    private partial void LogState(string resource, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "OrderPlatform is running: gateway {Gateway}, sandboxes {Sandboxes}; the Aspire Dashboard's address is above.")]
    private partial void LogRunning(string gateway, string sandboxes);
}
