using OtpNet;

namespace OrderPlatform.Accounts.Domain;

/// <summary>
/// An operator's authenticator app (TOTP, RFC 6238: 6 digits every 30 s, SHA-1, what every authenticator reads from a QR code). Its key
/// is kept sealed (<c>SecretSealer</c>); it signs in only once confirmed with a first code; the time steps whose code was already taken
/// are kept, so that a code overheard or typed twice signs nobody in again.
/// </summary>
/// <param name="Id">The operator's account.</param>
public sealed record SecondFactor(Guid Id, string SealedKey, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, IReadOnlyList<long> UsedSteps)
{
    public bool Confirmed => ConfirmedAt is not null;

    /// <summary>What the key is sealed for: this account's authenticator and nothing else.</summary>
    public static string SealedFor(Guid accountId) => $"second-factor/{accountId:N}";

    /// <summary>The same factor with <paramref name="step"/> taken; steps too old to be accepted again are forgotten.</summary>
    public SecondFactor Taking(long step) =>
        this with { UsedSteps = [.. UsedSteps.Where(used => used >= step - OneTimeCodes.Tolerance * 2), step] };
}

/// <summary>One-time codes as an authenticator app shows them, and whether a code typed now is accepted.</summary>
public static class OneTimeCodes
{
    /// <summary>Steps either side of now accepted (a phone's clock a little off, a code typed as it changed).</summary>
    public const int Tolerance = 1;

    /// <summary>A new authenticator key: 160 random bits, as RFC 4226 recommends, in the Base32 an authenticator app reads.</summary>
    public static string NewKey() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The address an authenticator app reads from the QR code.</summary>
    public static string EnrolmentUri(string key, string issuer, string account) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}"
        + "&algorithm=SHA1&digits=6&period=30";

    /// <summary>
    /// The time step <paramref name="code"/> belongs to when it is right at <paramref name="now"/> (within <see cref="Tolerance"/>) and
    /// was not taken before; null otherwise.
    /// </summary>
    public static long? Accept(string key, string? code, DateTimeOffset now, IReadOnlyCollection<long> usedSteps)
    {
        ArgumentNullException.ThrowIfNull(usedSteps);
        var digits = new string((code ?? "").Where(character => !char.IsWhiteSpace(character)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(Tolerance, Tolerance)) && !usedSteps.Contains(step)
            ? step
            : null;
    }

    /// <summary>A right code, refused only because it was already taken: a replay, not a guess (it does not count as a wrong one).</summary>
    public static bool AlreadyUsed(string key, string? code, DateTimeOffset now, IReadOnlyCollection<long> usedSteps) =>
        Accept(key, code, now, usedSteps) is null && Accept(key, code, now, []) is not null;

    /// <summary>The code an authenticator app shows at <paramref name="at"/>.</summary>
    public static string At(string key, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at.UtcDateTime);
}
