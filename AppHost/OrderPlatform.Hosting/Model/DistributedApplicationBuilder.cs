using OrderPlatform.Hosting.Infrastructure;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.Hosting.Model;

/// <summary>Declares the resources of a system and how they depend on each other, then builds it.</summary>
public sealed class DistributedApplicationBuilder(AppHostOptions options)
{
    private readonly List<Resource> resources = [];

    public AppHostOptions Options { get; } = options;

    public PostgresServer AddPostgres(string name) => Add(new PostgresServer(name));

    public RabbitMqServer AddRabbitMQ(string name) => Add(new RabbitMqServer(name));

    /// <summary>A service from this repository; <paramref name="fixedPort"/> is used when the options ask for fixed ports.</summary>
    public ProjectResource AddProject(string name, string projectName, int? fixedPort = null) =>
        Add(new ProjectResource(name, projectName, Options.UseFixedPorts && fixedPort is { } port ? port : FreePort.Next()));

    public DistributedApplication Build() => new(Options, resources);

    private T Add<T>(T resource) where T : Resource
    {
        if (resources.Any(existing => existing.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named {resource.Name} is declared twice.");
        }

        resources.Add(resource);
        return resource;
    }
}
