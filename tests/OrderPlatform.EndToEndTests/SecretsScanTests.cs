using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// Passwords, access tokens and reset tokens go through the whole platform (gateway, Accounts, the
/// outbox, RabbitMQ, every service's console and database) and are found in none of them afterwards.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecretsScanTests(PlatformFixture platform)
{
    [Fact]
    public async Task No_password_or_token_is_printed_or_stored_anywhere_FR_31()
    {
        var gateway = platform.Gateway;
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (first, second, third, wrong) = ($"Premier-{unique}-1", $"Second-{unique}-2", $"Troisieme-{unique}-3", $"Faux-{unique}-4");
        var email = Accounts.NewEmail();
        using var signUp = await gateway.PostAsJsonAsync("/api/accounts", new { email, password = first, newsletter = true });
        (await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = wrong })).Dispose();
        var firstToken = await Accounts.TokenAsync(gateway, email, first);
        using (var customer = new HttpClient { BaseAddress = gateway.BaseAddress })
        {
            customer.DefaultRequestHeaders.Authorization = new("Bearer", firstToken);
            using var changed = await customer.PutAsJsonAsync("/api/accounts/me/password", new { currentPassword = first, newPassword = second });
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        (await gateway.PostAsJsonAsync("/api/accounts/password-reset", new { email })).Dispose();
        // The customer follows the link in the e-mail, the only place the token is.
        var resetMail = await Mailbox.WaitAsync(platform.Sandboxes, email, "mot de passe");
        var resetToken = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(resetMail.GetProperty("text").GetString()!, @"token=([^\s]+)").Groups[1].Value);
        Assert.True(resetToken.Length >= 40, resetToken);
        using var reset = await gateway.PostAsJsonAsync("/api/accounts/password-reset/confirm", new { token = resetToken, newPassword = third });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var lastToken = await Accounts.TokenAsync(gateway, email, third);
        var opsToken = await Accounts.TokenAsync(gateway, Accounts.OpsEmail, Accounts.OpsPassword);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the outbox, consumers and loggers finish with these requests

        var secrets = new Dictionary<string, string>
        {
            ["the sign-up password"] = first, ["the changed password"] = second, ["the reset password"] = third, ["a wrong password"] = wrong,
            ["the ops password"] = Accounts.OpsPassword, ["the reset token"] = resetToken,
            ["an access token's signature"] = firstToken.Split('.')[2], ["a later access token's signature"] = lastToken.Split('.')[2],
            ["the ops access token's signature"] = opsToken.Split('.')[2], ["the ops authenticator's key"] = Authenticator.OpsKey,
        };
        var printed = await platform.PrintedAsync();
        var databases = await platform.DatabasesAsync();
        Assert.Contains("accountsdb", databases);
        Assert.NotEmpty(await platform.TablesContainingAsync("accountsdb", email)); // the scan finds what is there
        foreach (var (what, secret) in secrets)
        {
            var printedBy = printed.Where(line => line.Contains(secret, StringComparison.Ordinal)).Select(line => line.Split(':')[0]).Distinct();
            Assert.True(!printedBy.Any(), $"{what} was printed by {string.Join(", ", printedBy)}");
            foreach (var database in databases)
            {
                var tables = await platform.TablesContainingAsync(database, secret);
                Assert.True(tables.Count == 0, $"{what} is stored in {database}: {string.Join(", ", tables)}");
            }
        }

        Assert.NotEmpty(printed); // the scan read something: the services do print
    }
}
