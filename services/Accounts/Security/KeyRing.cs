using JasperFx;
using Marten;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.Accounts.Security;

/// <summary>Loads Accounts' signing key at start, creating it the first time (the first replica to store it wins).</summary>
public sealed class KeyRing(IDocumentStore store, TimeProvider time) : IHostedService
{
    private SigningKey? key;
    private RsaSecurityKey? securityKey;

    public SigningKey Current => key ?? throw new InvalidOperationException("The signing key is not loaded yet.");
    public RsaSecurityKey SecurityKey => securityKey ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellationToken);
        if (stored is null)
        {
            session.Insert(SigningKey.Create(time.GetUtcNow()));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another replica created it first: use theirs.
            }

            await using var reader = store.QuerySession();
            stored = await reader.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellationToken);
        }

        key = stored!;
        securityKey = stored!.ToSecurityKey();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
