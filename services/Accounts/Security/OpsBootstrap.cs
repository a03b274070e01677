using Marten;
using Microsoft.AspNetCore.Identity;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Features.SignUp;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Security;

/// <summary>
/// Creates the operations account from <c>Accounts:BootstrapOps:Email</c>/<c>Password</c> when they are set and no account has that
/// e-mail yet (development sets defaults; elsewhere they must be configured). With <c>Accounts:BootstrapOps:SecondFactorKey</c> (a
/// Base32 authenticator key: development's is known, so that eng/ops-code and the tests make its codes) the account's authenticator
/// is set up too; without it, the operator sets theirs up at first sign-in.
/// </summary>
public sealed partial class OpsBootstrap(IDocumentStore store, IConfiguration configuration, IPasswordHasher<Customer> hasher, SecretSealer sealer,
    TimeProvider time, ILogger<OpsBootstrap> logger) : IHostedService
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
        var account = await session.Query<Customer>().SingleOrDefaultAsync(customer => customer.Email == normalized, cancellationToken);
        if (account is null)
        {
            account = await SignUpEndpoint.NewCustomerAsync(session, hasher, normalized, password, [PlatformAuthentication.OpsRole], time.GetUtcNow(),
                cancellationToken);
            session.Insert(account);
        }

        if (configuration["Accounts:BootstrapOps:SecondFactorKey"] is { Length: > 0 } key
            && await session.LoadAsync<SecondFactor>(account.Id, cancellationToken) is not { Confirmed: true })
        {
            session.Store(new SecondFactor(account.Id, sealer.Protect(SecondFactor.SealedFor(account.Id), key), time.GetUtcNow(), time.GetUtcNow(), []));
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            LogCreated(normalized);
        }
        catch (Exception e) when (AccountsStorage.IsUniqueViolation(e) || e is JasperFx.ConcurrencyException)
        {
            // Another replica created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Operations account {Email} ready from configuration")]
    private partial void LogCreated(string email);
}
