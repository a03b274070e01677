namespace OrderPlatform.Sandboxes.Psp;

/// <summary>
/// What a test card (API.md, test cards) does at the PSP: its brand, how an authorisation ends, the country of the bank that issued it
/// (ISO 3166), and whether it expires once charged (so only a refund of that payment still reaches it, FR-19).
/// </summary>
public sealed record TestCard(string Brand, string? DeclineCode, bool ExpiresBeforeRefund = false, string Country = "FR");

public static class PspCards
{
    private static readonly Dictionary<string, TestCard> Known = new()
    {
        ["4242424242424242"] = new("visa", null),
        ["5555555555554444"] = new("mastercard", null),
        ["4000002500001001"] = new("cb", null),
        ["6759649826438453"] = new("maestro", null),
        ["378282246310005"] = new("amex", null),
        ["4000000000009995"] = new("visa", "insufficient-funds"),
        ["4000000000009987"] = new("visa", "limit-exceeded"),
        ["4000000000000002"] = new("visa", "wrong-details"),
        ["4000002760003184"] = new("visa", "authentication-failed"),
        ["4000000000000069"] = new("visa", null, ExpiresBeforeRefund: true),
        ["4000002760000016"] = new("visa", null, Country: "DE"),
    };

    /// <summary>The card behind a number as typed (spaces allowed); an unknown number is a wrong-details decline, like a real PSP's.</summary>
    public static TestCard For(string number)
    {
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        return Known.TryGetValue(digits, out var card) ? card : new TestCard(BrandOf(digits), "wrong-details");
    }

    private static string BrandOf(string digits) => digits.StartsWith('4') ? "visa" : digits.StartsWith('5') ? "mastercard" : digits.StartsWith("3", StringComparison.Ordinal) ? "amex" : "unknown";

    /// <summary>How long an authorisation holds, by method (PROVIDERS.md): cards about 7 days, PayPal 29, Klarna 28.</summary>
    public static TimeSpan AuthorisationLifetime(string method) => method switch
    {
        "paypal" => TimeSpan.FromDays(29),
        "klarna" => TimeSpan.FromDays(28),
        _ => TimeSpan.FromDays(7),
    };
}
