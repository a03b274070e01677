using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.AppHost;

// The whole platform, declared once: eng/run starts it, the end-to-end tests start it
// (Aspire.Hosting.Testing), and the Aspire Dashboard shows it.
var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.Read(builder.Configuration, builder.AppHostDirectory);
var infrastructure = Infrastructure.Add(builder, settings);
var messaging = infrastructure.Messaging;

// The outside world for development and tests: the PSP, the carriers, the SMTP and SMS capture.
var sandboxes = builder.AddProject<Projects.OrderPlatform_Sandboxes>("sandboxes")
    .WithHttpEndpoint(port: 5090)
    .WithEndpoint(name: "smtp", port: 2525, scheme: "tcp", env: "Sandboxes__SmtpPort")
    .WithHttpHealthCheck("/health")
    .WithPlatformSettings(settings)
    .WithSandboxCommands();

var migrations = new Dictionary<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>>();
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new()
{
    var database = infrastructure.AddDatabase($"{name}db");
    var service = builder.AddProject<TProject>(name)
        .WithHttpEndpoint()
        .WithHttpHealthCheck("/health")
        .WithReplicas(settings.Replicas)
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithReference(sandboxes).WaitFor(sandboxes)
        .WithPlatformSettings(settings);
    // Its schema, brought up to date once before any copy starts (in a cluster, the same command as a Job).
    var migration = builder.AddProject<TProject>(SchemaMigrations.NameFor(name))
        .WithArgs(SchemaMigrations.Command)
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithPlatformSettings(settings)
        .WithParentRelationship(service);
    migrations[service] = migration;
    return service.WaitForCompletion(migration);
}

// A service and its migration are the same program: what it checks at start, both are given.
IResourceBuilder<ProjectResource>[] AndItsMigration(IResourceBuilder<ProjectResource> service) => [service, migrations[service]];

var accounts = Service<Projects.OrderPlatform_Accounts>("accounts");
var catalog = Service<Projects.OrderPlatform_Catalog>("catalog");
var ordering = Service<Projects.OrderPlatform_Ordering>("ordering");
var payment = Service<Projects.OrderPlatform_Payment>("payment");
var shipping = Service<Projects.OrderPlatform_Shipping>("shipping");
var returns = Service<Projects.OrderPlatform_Returns>("returns");
var notification = Service<Projects.OrderPlatform_Notification>("notification");
var conversations = Service<Projects.OrderPlatform_Conversations>("conversations");
// The key from which Accounts and Notification derive password-reset tokens: generated for each run, never stored.
var passwordResetKey = builder.AddParameter("password-reset-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
// What Accounts encrypts its signing keys with in its database.
var signingKeyProtection = builder.AddParameter("signing-key-protection", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
foreach (var project in AndItsMigration(accounts))
{
    project.WithEnvironment("PasswordReset__Key", passwordResetKey).WithEnvironment("Accounts__SigningKeyProtection", signingKeyProtection);
}

foreach (var project in AndItsMigration(notification))
{
    project.WithEnvironment("PasswordReset__Key", passwordResetKey);
}
IResourceBuilder<ProjectResource>[] services = [accounts, catalog, ordering, payment, shipping, returns, notification, conversations];
// Every migration declares its service's queues: no service starts (and publishes) before every queue is bound.
foreach (var service in services)
{
    foreach (var migration in migrations.Where(pair => pair.Key != service).Select(pair => pair.Value))
    {
        service.WaitForCompletion(migration);
    }
}

// Operations' back office: its pages on its own address (not behind the public gateway), for ops accounts; the broker's API behind the gateway.
// One copy: an operator's session and page (a Blazor circuit) live in the process that signed them in.
var backOffice = builder.AddProject<Projects.OrderPlatform_BackOffice>("backoffice")
    .WithHttpEndpoint(port: 5070)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Back office (pages for operations)")
    .WithReference(accounts)
    .WithReference(catalog)
    .WithReference(conversations)
    .WithReference(notification)
    .WithReference(ordering)
    .WithReference(payment)
    .WithReference(returns)
    .WithReference(shipping)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("BackOffice__Broker__Management", infrastructure.MessagingManagement)
    .WithPlatformSettings(settings);

// The only public entry.
var gateway = builder.AddProject<Projects.OrderPlatform_Gateway>("gateway")
    .WithHttpEndpoint(port: 5080)
    .WithHttpHealthCheck("/health")
    .WithReplicas(settings.Replicas)
    .WithPlatformSettings(settings)
    .WithUrlForEndpoint("http", url => url.DisplayText = "Gateway (API docs at /docs)");

// The broker's API for ops (/api/ops/messaging) is the back office's; its pages are on its own address.
gateway.WithReference(backOffice).WaitFor(backOffice);
foreach (var service in services)
{
    // Every service validates tokens itself, with the keys Accounts publishes.
    if (service != accounts)
    {
        service.WithReference(accounts);
    }

    gateway.WithReference(service).WaitFor(service);
}

// Checkout prices the basket with Catalog and checks the relay point with the carrier through Shipping: the calls that cannot wait for an event.
ordering.WithReference(catalog).WithReference(shipping);
// A return or claim for an order Returns has not heard of yet: Ordering says whether it is the customer's (409 to retry) or nobody's (404).
returns.WithReference(ordering);
// A buyer writes about an order or a product: Ordering says (as that buyer) whether it is theirs and who sold it, Catalog who sells the product.
conversations.WithReference(ordering).WithReference(catalog);
// E-mail leaves by SMTP like to any relay: the Sandboxes' capture server.
var smtp = sandboxes.GetEndpoint("smtp");
notification
    .WithEnvironment("Notification__Smtp__Host", smtp.Property(EndpointProperty.Host))
    .WithEnvironment("Notification__Smtp__Port", smtp.Property(EndpointProperty.Port))
    .WithEnvironment("Notification__Storefront", gateway.GetEndpoint("http"));

builder.StartProjectsFromTheirBuild();
builder.Services.AddHostedService<ResourceStateLog>();
builder.Build().Run();
