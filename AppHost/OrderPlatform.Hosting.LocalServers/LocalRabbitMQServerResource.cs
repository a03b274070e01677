using Aspire.Hosting.ApplicationModel;

namespace OrderPlatform.Hosting.LocalServers;

/// <summary>
/// A RabbitMQ node run from the machine's <c>rabbitmq-server</c> by Aspire (DCP): a private node name
/// and data directory, so it never meets the machine's own node. Its connection
/// string has the shape of Aspire's container resource (<c>amqp://user:password@host:port</c>).
/// </summary>
public sealed class LocalRabbitMQServerResource(string name, string command, string workingDirectory, string userName, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string ManagementEndpointName = "management";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public EndpointReference ManagementEndpoint => new(this, ManagementEndpointName);

    public string UserName { get; } = userName;

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
