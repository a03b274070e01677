extern alias accounts;

using accounts::OrderPlatform.Accounts;
using accounts::OrderPlatform.Accounts.Domain;
using accounts::OrderPlatform.Accounts.Features.SignUp;
using Marten;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.IntegrationTests.Accounts;

/// <summary>A marketplace sign-up operations leave undecided for 30 days is refused: the account is removed, and only that one [MP-03].</summary>
public sealed class PendingSignUpExpiryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private DocumentStore store = null!;

    public async Task InitializeAsync()
    {
        store = await (await TestInfrastructure.GetAsync()).CreateStoreAsync(TestInfrastructure.UniqueName("signups"), AccountsStorage.Configure);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_sign_up_undecided_for_30_days_is_removed_a_younger_one_and_an_approved_one_stay_MP_03()
    {
        var old = Account("lea@yopmail.com", Now.AddDays(-30), "a throwaway e-mail address (yopmail.com)");
        var young = Account("paul@yopmail.com", Now.AddDays(-29), "a throwaway e-mail address (yopmail.com)");
        var approved = Account("ines@exemple.fr", Now.AddDays(-90), null);
        await using (var session = store.LightweightSession())
        {
            session.Store(old, young, approved);
            await session.SaveChangesAsync();
        }

        Assert.Equal(1, await PendingSignUpExpiry.RefuseExpiredAsync(store, Now, CancellationToken.None));
        Assert.Equal(0, await PendingSignUpExpiry.RefuseExpiredAsync(store, Now, CancellationToken.None));

        await using var reader = store.QuerySession();
        Assert.Null(await reader.LoadAsync<Customer>(old.Id));
        Assert.NotNull(await reader.LoadAsync<Customer>(young.Id));
        Assert.NotNull(await reader.LoadAsync<Customer>(approved.Id));
    }

    private static Customer Account(string email, DateTimeOffset signedUpAt, string? doubt) =>
        new(Guid.NewGuid(), "C" + Random.Shared.Next(10_000_000, 99_999_999), email, "hash", [PlatformAuthentication.CustomerRole], null, null, null, false,
            false, [], signedUpAt, AwaitingApproval: doubt);
}
