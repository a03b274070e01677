using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Accounts.Domain;

/// <summary>
/// Recent wrong passwords for one e-mail address (known or not, so the answer tells nothing) from one client. After
/// <see cref="MaxFailures"/> within <see cref="Window"/>, that client waits until the window has passed, even with the right
/// password; the account's owner, signing in from elsewhere, does not (a stranger's guesses are no lock-out switch). Guessing
/// from many addresses is slowed by the gateway's per-client limit on sign-in.
/// </summary>
public sealed record SignInFailures(string Id, string Account, int Count, DateTimeOffset WindowStart)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long sign-in must wait, or null when it may be tried now.</summary>
    public TimeSpan? WaitAt(DateTimeOffset now) =>
        Count >= MaxFailures && now < WindowStart + Window ? WindowStart + Window - now : null;

    /// <summary>The record after one more wrong password: a new window once the old one is over.</summary>
    public static SignInFailures After(SignInFailures? previous, string email, string client, DateTimeOffset now) =>
        previous is null || now >= previous.WindowStart + Window
            ? new SignInFailures(IdFor(email, client), AccountOf(email), 1, now)
            : previous with { Count = previous.Count + 1 };

    /// <summary>Kept under a hash of the address and the client: neither the addresses people try nor where from is stored.</summary>
    public static string IdFor(string normalizedEmail, string client) => Hash(normalizedEmail + "\n" + client);

    /// <summary>The address's own hash, so an erasure finds every client's record for it.</summary>
    public static string AccountOf(string normalizedEmail) => Hash(normalizedEmail);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>
    /// Who is signing in: the client address the gateway saw (its X-Forwarded-For, which it sets itself; Accounts is reachable
    /// through the gateway only), else the connection's.
    /// </summary>
    public static string ClientOf(string? forwardedFor, IPAddress? remote) =>
        forwardedFor?.Split(',')[0].Trim() is { Length: > 0 } first && IPAddress.TryParse(first, out var forwarded)
            ? forwarded.ToString()
            : remote?.ToString() ?? "unknown";
}
