namespace OrderPlatform.Messaging;

/// <summary>The parts of an <c>amqp://</c> connection string, with RabbitMQ's defaults for what is left out.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password)
{
    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new FormatException("The messaging connection string must look like amqp://user:password@host:port/vhost.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port <= 0 ? (ushort)5672 : (ushort)uri.Port,
            virtualHost.Length == 0 ? "/" : virtualHost,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length < 2 ? "guest" : Uri.UnescapeDataString(credentials[1]));
    }
}
