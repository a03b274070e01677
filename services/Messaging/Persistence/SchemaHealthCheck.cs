using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Weasel.Core;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// Not ready until the database's schema is the one this build expects: a copy started before its migration finished (a Kubernetes
/// rollout applies the migrate Job and the Deployment together) takes no traffic until it has. Once seen up to date it is not compared
/// again (the comparison reads every table's definition; nothing but the migrate step changes the schema).
/// </summary>
internal sealed class SchemaHealthCheck(IDocumentStore store) : IHealthCheck
{
    private volatile bool upToDate;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (upToDate)
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            var migration = await store.Storage.Database.CreateMigrationAsync(cancellationToken);
            upToDate = migration.Difference == SchemaPatchDifference.None;
            return upToDate
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "The database's schema is behind this build: run the service's migrate command.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database's schema could not be read.", e);
        }
    }
}
