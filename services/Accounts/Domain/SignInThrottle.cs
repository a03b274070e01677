using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Accounts.Domain;

/// <summary>
/// Recent wrong passwords for one e-mail address (known or not, so the answer tells nothing). After
/// <see cref="MaxFailures"/> within <see cref="Window"/>, sign-in for that address waits until the
/// window has passed, even with the right password.
/// </summary>
public sealed record SignInFailures(string Id, int Count, DateTimeOffset WindowStart)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long sign-in must wait, or null when it may be tried now.</summary>
    public TimeSpan? WaitAt(DateTimeOffset now) =>
        Count >= MaxFailures && now < WindowStart + Window ? WindowStart + Window - now : null;

    /// <summary>The record after one more wrong password: a new window once the old one is over.</summary>
    public static SignInFailures After(SignInFailures? previous, string email, DateTimeOffset now) =>
        previous is null || now >= previous.WindowStart + Window
            ? new SignInFailures(IdFor(email), 1, now)
            : previous with { Count = previous.Count + 1 };

    /// <summary>Kept under a hash of the address: the addresses people try are not stored.</summary>
    public static string IdFor(string normalizedEmail) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail))).ToLowerInvariant();
}
