using Aspire.Hosting.ApplicationModel;

namespace OrderPlatform.Hosting.LocalServers;

/// <summary>
/// A PostgreSQL server run from the machine's binaries by Aspire (DCP), with its own data directory.
/// Its connection strings have exactly the shape of Aspire's container resource, so a service cannot
/// tell which one it was given.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string SuperUser = "postgres";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Database resource name → database name, created once the server answers.</summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.Ordinal);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={PasswordParameter}");
}

/// <summary>One database of a <see cref="LocalPostgresServerResource"/>.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
