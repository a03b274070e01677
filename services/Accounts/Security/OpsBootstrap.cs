using Marten;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.SignUp;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Creates the operations account from <c>Accounts:BootstrapOps:Email</c>/<c>Password</c> when they are
/// set and no account has that e-mail yet (development sets defaults; elsewhere they must be configured).
/// </summary>
public sealed partial class OpsBootstrap(IDocumentStore store, IConfiguration configuration, IPasswordHasher<Customer> hasher, TimeProvider time,
    ILogger<OpsBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Accounts:BootstrapOps:Email"];
        var password = configuration["Accounts:BootstrapOps:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var normalized = Emails.Normalize(email);
        await using var session = store.LightweightSession();
        if (await session.Query<Customer>().AnyAsync(customer => customer.Email == normalized, cancellationToken))
        {
            return;
        }

        session.Insert(await SignUpEndpoint.NewCustomerAsync(session, hasher, normalized, password, [PlatformAuthentication.OpsRole], time.GetUtcNow(), cancellationToken));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            LogCreated(normalized);
        }
        catch (Exception e) when (AccountsStorage.IsUniqueViolation(e))
        {
            // Another replica created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Operations account {Email} created from configuration")]
    private partial void LogCreated(string email);
}
