using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>On the marketplace the confirmation e-mail follows approval: automatic for a plain sign-up, by operations for a doubtful one [MP-03].</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class MarketplaceSignUpTests(MarketplacePlatform platform)
{
    [Fact]
    public async Task A_doubtful_sign_up_waits_for_operations_and_its_confirmation_follows_their_approval_a_plain_one_is_confirmed_at_once_MP_03()
    {
        var plain = Accounts.NewEmail();
        using var plainSignUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email = plain, password = "Mot-de-passe-2026" });
        Assert.False((await plainSignUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awaitingApproval").GetBoolean());
        await Mailbox.WaitAsync(platform.Sandboxes, plain, "Bienvenue");

        var doubtful = $"client-{Guid.NewGuid():N}@yopmail.com";
        using var signUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email = doubtful, password = "Mot-de-passe-2026" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var created = await signUp.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.GetProperty("awaitingApproval").GetBoolean());
        using var early = await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email = doubtful, password = "Mot-de-passe-2026" });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        using var wrongPassword = await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email = doubtful, password = "Pas-le-bon-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode); // waiting is told only to whoever holds the password

        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var customerId = created.GetProperty("customerId").GetString();
        var waiting = await ops.GetFromJsonAsync<JsonElement>("/api/ops/accounts/sign-ups");
        Assert.Contains("yopmail.com", waiting.EnumerateArray().Single(pending => pending.GetProperty("customerId").GetString() == customerId)
            .GetProperty("doubt").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Mailbox.MessagesAsync(platform.Sandboxes, doubtful));

        Assert.Equal(HttpStatusCode.NoContent, (await ops.PostAsJsonAsync($"/api/ops/accounts/sign-ups/{customerId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostAsJsonAsync($"/api/ops/accounts/sign-ups/{customerId}/decision", new { approve = false })).StatusCode);
        await Mailbox.WaitAsync(platform.Sandboxes, doubtful, "Bienvenue");
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(platform.Gateway, doubtful, "Mot-de-passe-2026")));

        // Refused, the account is gone: the address can sign up again.
        var refused = $"client-{Guid.NewGuid():N}@mailinator.com";
        using var refusedSignUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email = refused, password = "Mot-de-passe-2026" });
        var refusedId = (await refusedSignUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await ops.PostAsJsonAsync($"/api/ops/accounts/sign-ups/{refusedId}/decision", new { approve = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email = refused, password = "Mot-de-passe-2026" })).StatusCode);
    }
}
