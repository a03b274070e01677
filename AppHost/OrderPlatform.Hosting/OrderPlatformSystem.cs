using OrderPlatform.Hosting.Model;

namespace OrderPlatform.Hosting;

/// <summary>The whole platform, declared once: the AppHost runs it, the end-to-end tests start it.</summary>
public static class OrderPlatformSystem
{
    public static readonly string[] Services = ["catalog", "ordering", "payment", "shipping", "returns", "notification", "accounts"];

    public static DistributedApplication Build(AppHostOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);

        var postgres = builder.AddPostgres("postgres");
        var messaging = builder.AddRabbitMQ("messaging");
        var sandboxes = builder.AddProject("sandboxes", "OrderPlatform.Sandboxes", options.SandboxesPort);
        // E-mail leaves by SMTP like to any relay: the Sandboxes' capture server on its own port.
        var smtpPort = (options.UseFixedPorts ? options.SmtpCapturePort : Processes.FreePort.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        sandboxes.WithEnvironment("Sandboxes__SmtpPort", smtpPort);
        var gateway = builder.AddProject("gateway", "OrderPlatform.Gateway", options.GatewayPort);

        var services = Services.ToDictionary(name => name, name => builder.AddProject(name, ProjectName(name))
            .WithReference(postgres.AddDatabase($"{name}db"))
            .WithReference(messaging)
            .WithReference(sandboxes)
            .WaitFor(sandboxes));
        foreach (var (name, service) in services)
        {
            // Every service validates tokens itself with the keys Accounts publishes.
            if (name != "accounts")
            {
                service.WithReference(services["accounts"]);
            }

            gateway.WithReference(service).WaitFor(service);
        }

        // Checkout prices the basket with Catalog, the one call that cannot wait for an event.
        services["ordering"].WithReference(services["catalog"]);
        services["notification"].WithEnvironment("Notification__Smtp__Host", "127.0.0.1").WithEnvironment("Notification__Smtp__Port", smtpPort)
            .WithEnvironment("Notification__Storefront", gateway.HttpAddress.ToString().TrimEnd('/'));

        return builder.Build();
    }

    private static string ProjectName(string service) => "OrderPlatform." + char.ToUpperInvariant(service[0]) + service[1..];
}
