extern alias accounts;

using accounts::OrderPlatform.Accounts;
using accounts::OrderPlatform.Accounts.Domain;
using accounts::OrderPlatform.Accounts.Features.PasswordReset;
using Marten;
using Npgsql;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;

namespace OrderPlatform.IntegrationTests.Accounts;

/// <summary>A reset token nobody used is masked in the stored event once it expires, and forgotten [FR-31].</summary>
public sealed class ResetTokenSweepTests : IAsyncLifetime
{
    private DocumentStore store = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        connectionString = await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("accounts"));
        store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            AccountsStorage.Configure(options);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    [Fact]
    public async Task An_unused_reset_token_is_masked_and_forgotten_once_expired_but_not_before_FR_31()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var customerId = Guid.NewGuid();
        var (resetId, stored) = PasswordResetToken.Issue(id => $"token-{id:N}", customerId, now);
        await using (var session = store.LightweightSession())
        {
            session.Store(stored);
            session.Events.StartStream(customerId, new PasswordResetRequested(customerId, "lea@exemple.fr", "Léa", resetId, stored.ExpiresAt));
            await session.SaveChangesAsync();
        }

        Assert.Equal(0, await ResetTokenSweep.SweepAsync(store, now.AddMinutes(59), CancellationToken.None));
        Assert.Equal(1L, await CountEventsContainingAsync(resetId.ToString()));

        Assert.Equal(1, await ResetTokenSweep.SweepAsync(store, now.AddMinutes(60), CancellationToken.None));
        Assert.Equal(0L, await CountEventsContainingAsync(resetId.ToString()));
        Assert.Equal(0L, await CountEventsContainingAsync("lea@exemple.fr"));
        await using var reader = store.QuerySession();
        Assert.Null(await reader.LoadAsync<PasswordResetToken>(stored.Id));
    }

    private async Task<long> CountEventsContainingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_events where data::text like @p", connection);
        command.Parameters.AddWithValue("p", $"%{text}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }
}
