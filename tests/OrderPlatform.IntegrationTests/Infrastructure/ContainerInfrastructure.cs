using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ in containers, when a Docker engine answers.</summary>
internal static class ContainerInfrastructure
{
    private const int ManagementPort = 15672;

    public static async Task<T> StartAsync<T>(Func<string, Uri, Uri, T> describe)
    {
        var postgres = new PostgreSqlBuilder("postgres:15").Build();
        var rabbitMq = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithUsername("guest").WithPassword("guest")
            .WithPortBinding(ManagementPort, assignRandomHostPort: true)
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());

        var amqp = new UriBuilder(rabbitMq.GetConnectionString()) { Path = "/" }.Uri;
        var management = new Uri($"http://{rabbitMq.Hostname}:{rabbitMq.GetMappedPublicPort(ManagementPort)}/");
        return describe(postgres.GetConnectionString(), amqp, management);
    }
}
