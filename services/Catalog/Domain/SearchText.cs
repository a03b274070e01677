using System.Globalization;
using System.Text;

namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// Text as the search compares it: lower case, no accents, apostrophes and punctuation as spaces.
/// Products and queries go through the same function, so "Robe d'été" and "robe ete" meet, and
/// PostgreSQL's French stemming then makes "pantalons" and "Pantalon" the same word.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var character in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC)
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }

    /// <summary>A category path as the filter compares it: "Femme/Robes" → "femme/robes".</summary>
    public static string CategoryKey(string category) =>
        string.Join('/', category.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize));
}
