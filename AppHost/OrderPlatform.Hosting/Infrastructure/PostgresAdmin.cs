using Npgsql;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>Database administration the AppHost and the tests share, on any PostgreSQL server.</summary>
public static class PostgresAdmin
{
    /// <summary>Creates <paramref name="database"/> if missing; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseIfMissingAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is quoted.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
    }
}
