using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.BackOffice.Features.Queues;

public static class BrokerQueuesRegistration
{
    /// <summary>The management API client, validated settings, and readiness that needs the broker to answer.</summary>
    public static IHostApplicationBuilder AddBrokerQueues(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BrokerOptions>().Bind(builder.Configuration.GetSection("BackOffice:Broker")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<BrokerQueues>(BrokerQueues.Configure);
        builder.Services.AddHealthChecks().AddCheck<BrokerManagementHealthCheck>("broker", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}

/// <summary>Ready only when RabbitMQ's management API answers: without it, the queue views are empty.</summary>
internal sealed class BrokerManagementHealthCheck(BrokerQueues queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await queues.ListAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ's management API does not answer.", e);
        }
    }
}
