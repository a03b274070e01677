using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>How much an operator may move on the code of their sign-in, and for how long (configuration section <c>Operations:FreshCode</c>).</summary>
public sealed class FreshCodeOptions
{
    public const string Section = "Operations:FreshCode";

    /// <summary>Money moved above this (euro cents) asks for the authenticator's code again.</summary>
    public long AboveCents { get; set; } = 10_000;

    /// <summary>How old the code behind the operator's token may be for such a move.</summary>
    public TimeSpan Within { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// A money action above a threshold asks for the second factor again: the operator's token must come from a code typed within
/// <see cref="FreshCodeOptions.Within"/> (a sign-in, or <c>POST /api/accounts/me/second-factor/verification</c>, which gives a new token).
/// </summary>
public static class FreshCode
{
    /// <summary>The problem's <c>secondFactor</c> value that tells a client to ask the operator for a new code.</summary>
    public const string Again = "again";

    /// <summary>The refusal when <paramref name="user"/> moves <paramref name="amountCents"/> on too old a code; null when they may.</summary>
    public static ProblemHttpResult? Refusal(ClaimsPrincipal user, long amountCents, DateTimeOffset now, FreshCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (amountCents <= options.AboveCents || !user.IsOps())
        {
            return null;
        }

        var codeAt = long.TryParse(user.FindFirst("iat")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && user.FindAll("amr").Any(method => method.Value == "otp")
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        return now - codeAt <= options.Within
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: $"Moving more than {options.AboveCents / 100} euros needs a new code from your authenticator app.",
                extensions: new Dictionary<string, object?> { ["secondFactor"] = Again, ["aboveCents"] = options.AboveCents });
    }
}
