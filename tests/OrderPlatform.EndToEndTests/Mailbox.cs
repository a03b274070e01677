using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>What the Sandboxes' SMTP capture and SMS provider received, read as a test would read a customer's inbox.</summary>
public static class Mailbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(Uri sandboxes, string to)
    {
        using var client = new HttpClient { BaseAddress = sandboxes };
        return (await client.GetFromJsonAsync<JsonElement>($"/mail/messages?to={Uri.EscapeDataString(to)}")).EnumerateArray().ToList();
    }

    /// <summary>The first message to <paramref name="to"/> whose subject contains <paramref name="subject"/>, once it arrives.</summary>
    public static async Task<JsonElement> WaitAsync(Uri sandboxes, string to, string subject) =>
        (JsonElement)await Eventually.GetAsync(async () =>
            (await MessagesAsync(sandboxes, to)).FirstOrDefault(mail => mail.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal)) is
                { ValueKind: JsonValueKind.Object } found ? (object)found : null, Patience, $"an e-mail to {to} about \"{subject}\"");

    public static async Task<IReadOnlyList<JsonElement>> SmsAsync(Uri sandboxes, string to)
    {
        using var client = new HttpClient { BaseAddress = sandboxes };
        return (await client.GetFromJsonAsync<JsonElement>($"/sms/messages?to={Uri.EscapeDataString(to)}")).EnumerateArray().ToList();
    }

    public static async Task<string> EmailOfAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("email").GetString()!;
}
