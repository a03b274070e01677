namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// A French company's numbers from the Sirene register: the SIREN (9 digits) names the company, the SIRET (14: the SIREN and five digits
/// for the establishment) one of its establishments. Both end with a Luhn key; La Poste's establishments (SIREN 356 000 000), too many
/// for Luhn keys, use a sum of digits divisible by 5 instead.
/// </summary>
public static class CompanyNumbers
{
    private const string LaPosteSiren = "356000000";

    /// <summary>The digits alone ("732 829 320 00074" → "73282932000074").</summary>
    public static string Normalise(string? number) => new((number ?? "").Where(character => !char.IsWhiteSpace(character)).ToArray());

    public static bool IsSiren(string? number)
    {
        var digits = Normalise(number);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit) && LuhnValid(digits);
    }

    public static bool IsSiret(string? number)
    {
        var digits = Normalise(number);
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit) || !IsSiren(digits[..9]))
        {
            return false;
        }

        return digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) ? digits.Sum(digit => digit - '0') % 5 == 0 : LuhnValid(digits);
    }

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }

        return sum % 10 == 0;
    }
}
