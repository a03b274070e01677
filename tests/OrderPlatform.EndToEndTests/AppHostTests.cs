using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>What the AppHost gives an operator beyond the services: resource commands on the dashboard.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AppHostTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_sandboxes_commands_take_the_mail_relay_down_and_bring_it_back()
    {
        using var sandboxes = new HttpClient { BaseAddress = platform.Sandboxes };
        try
        {
            var down = await platform.App.ResourceCommands.ExecuteCommandAsync("sandboxes", "mail-relay-down");
            Assert.True(down.Success, down.Message);
            Assert.False((await sandboxes.GetFromJsonAsync<JsonElement>("/mail/control")).GetProperty("running").GetBoolean());
        }
        finally
        {
            var up = await platform.App.ResourceCommands.ExecuteCommandAsync("sandboxes", "mail-relay-up");
            Assert.True(up.Success, up.Message);
        }

        Assert.True((await sandboxes.GetFromJsonAsync<JsonElement>("/mail/control")).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task A_service_restarted_from_the_dashboard_is_running_and_healthy_again_and_so_is_the_gateway()
    {
        var before = (await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("returns")).Snapshot.StartTimeStamp;

        var restarted = await platform.App.ResourceCommands.ExecuteCommandAsync("returns", KnownResourceCommands.RestartCommand);

        Assert.True(restarted.Success, restarted.Message);
        // A new process (a later start), running and healthy.
        await platform.App.ResourceNotifications.WaitForResourceAsync("returns", change => change.Snapshot.StartTimeStamp > before
            && change.Snapshot.State?.Text == KnownResourceStates.Running && change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .WaitAsync(Patience);
        await Eventually.TrueAsync(async () => (await platform.Gateway.GetAsync("/health")).IsSuccessStatusCode, Patience, "the gateway to be healthy again");
    }
}
