using OrderPlatform.Hosting.Model;

namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>One service's database on the server; its connection string goes to that service only.</summary>
public sealed class PostgresDatabase(string name, PostgresServer server) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public Resource Owner => server;
    public string ConnectionString => server.ConnectionStringFor(Name);
}
