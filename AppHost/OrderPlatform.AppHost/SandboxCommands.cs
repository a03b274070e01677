using System.Net.Http.Json;

namespace OrderPlatform.AppHost;

/// <summary>
/// The outside world's outages as commands of the Sandboxes resource on the Aspire Dashboard, so an
/// operator or a developer sees what the platform does when a provider fails: mail queued and sent
/// later, a label retried, a payment retried or refused cleanly.
/// </summary>
internal static class SandboxCommands
{
    public static IResourceBuilder<ProjectResource> WithSandboxCommands(this IResourceBuilder<ProjectResource> sandboxes) => sandboxes
        .WithHttpCommand("/mail/control/stop", "Take the mail relay down", commandName: "mail-relay-down", commandOptions: new HttpCommandOptions
        {
            Description = "The SMTP capture stops answering: Notification keeps e-mails queued and retries them", IconName = "MailOff",
        })
        .WithHttpCommand("/mail/control/start", "Bring the mail relay back", commandName: "mail-relay-up", commandOptions: new HttpCommandOptions
        {
            Description = "The SMTP capture answers again: queued e-mails leave", IconName = "Mail",
        })
        .WithHttpCommand("/psp/control/faults", "PSP: fail the next 5 calls", commandName: "psp-errors", commandOptions: new HttpCommandOptions
        {
            Description = "The PSP sandbox answers its next 5 calls with a server error", IconName = "ErrorCircle",
            PrepareRequest = request =>
            {
                request.Request.Content = JsonContent.Create(new { kind = "error", count = 5, delayMilliseconds = 0 });
                return Task.CompletedTask;
            },
        })
        .WithHttpCommand("/carriers/mondial-relay/control/outage", "Mondial Relay: refuse the next 5 labels", commandName: "mondial-relay-outage",
            commandOptions: new HttpCommandOptions
            {
                Description = "Mondial Relay's sandbox answers its next 5 label requests with 503", IconName = "VehicleTruckProfile",
                PrepareRequest = request =>
                {
                    request.Request.Content = JsonContent.Create(new { count = 5 });
                    return Task.CompletedTask;
                },
            });
}
