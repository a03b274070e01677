using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace OrderPlatform.Shops.Documents;

/// <summary>
/// The fonts documents are printed in: DejaVu Sans (every French character, the euro sign) when it is
/// installed, else Helvetica, which every PDF reader has but which cannot print accents. Whatever a customer or
/// a seller typed is printed: what the fonts cannot draw (an emoji, a script DejaVu lacks) becomes "?".
/// </summary>
public sealed record DocumentFonts(byte[]? Regular, byte[]? Bold)
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private readonly Lazy<Func<int, bool>> drawable = new(() => Drawable(Regular, Bold));

    public static DocumentFonts From(string? directory)
    {
        var regular = Path.Combine(directory ?? DefaultDirectory, "DejaVuSans.ttf");
        var bold = Path.Combine(directory ?? DefaultDirectory, "DejaVuSans-Bold.ttf");
        return File.Exists(regular) && File.Exists(bold) ? new DocumentFonts(File.ReadAllBytes(regular), File.ReadAllBytes(bold)) : new DocumentFonts(null, null);
    }

    public bool Unicode => Regular is not null;

    /// <summary>The text as both fonts can draw it; in Helvetica, letters without their accents and "EUR" for the euro.</summary>
    public string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Unicode)
        {
            var plain = new string(text.Replace("€", "EUR", StringComparison.Ordinal).Replace("°", ".", StringComparison.Ordinal)
                .Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
            return Replaced(plain, codePoint => codePoint is >= ' ' and <= '~');
        }

        return Replaced(text, drawable.Value);
    }

    /// <summary>The writer takes one UTF-16 unit per glyph: a character beyond the BMP (an emoji) is one "?", not two halves.</summary>
    private static string Replaced(string text, Func<int, bool> drawable)
    {
        var printable = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            printable.Append(rune.IsBmp && drawable(rune.Value) ? (char)rune.Value : '?');
        }

        return printable.ToString();
    }

    private static Func<int, bool> Drawable(byte[]? regular, byte[]? bold)
    {
        var maps = new[] { regular, bold }.OfType<byte[]>().Select(ttf => TrueTypeFontParser.Parse(new TrueTypeDataBytes(ttf)).WindowsUnicodeCMap).ToList();
        return codePoint => codePoint >= ' ' && maps.All(map => map is not null && map.CharacterCodeToGlyphIndex(codePoint) != 0);
    }
}

/// <summary>A French business document being built: A4 pages written top to bottom in the document's fonts.</summary>
public sealed class PrintedDocument(DocumentFonts fonts) : IDisposable
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly PdfDocumentBuilder builder = new();
    private PdfDocumentBuilder.AddedFont? regular;
    private PdfDocumentBuilder.AddedFont? bold;

    public PrintedPage AddPage()
    {
        regular ??= fonts.Regular is { } ttf ? builder.AddTrueTypeFont(ttf) : builder.AddStandard14Font(Standard14Font.Helvetica);
        bold ??= fonts.Bold is { } boldTtf ? builder.AddTrueTypeFont(boldTtf) : builder.AddStandard14Font(Standard14Font.HelveticaBold);
        return new PrintedPage(builder.AddPage(PageSize.A4), regular, bold, fonts);
    }

    /// <summary>The pages written, then the pages of <paramref name="appended"/> (a carrier's label, say).</summary>
    public byte[] Build(params byte[]?[] appended)
    {
        var own = builder.Build();
        var others = appended.OfType<byte[]>().Where(pdf => pdf.Length > 0).ToList();
        return others.Count == 0 ? own : PdfMerger.Merge([own, .. others]);
    }

    public void Dispose() => builder.Dispose();

    /// <summary>"59,90 €", with ordinary spaces so the amount reads back as one word.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("N2", French).Replace('\u202F', ' ').Replace('\u00A0', ' ') + " €";

    public static string Date(DateTimeOffset at) => at.ToString("dd/MM/yyyy", French);
}

/// <summary>Writes top to bottom on one page: lines, columns, gaps.</summary>
public sealed class PrintedPage(PdfPageBuilder page, PdfDocumentBuilder.AddedFont regularFont, PdfDocumentBuilder.AddedFont boldFont, DocumentFonts fonts)
{
    private static readonly double[] ColumnX = [50, 330, 370, 440, 510];
    private double y = 790;

    public void Line(string text, double size = 10, bool bold = false)
    {
        page.AddText(fonts.Printable(text), size, new PdfPoint(50, y), bold ? boldFont : regularFont);
        y -= size + 5;
    }

    public void Columns(bool bold, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length > 0)
            {
                page.AddText(fonts.Printable(cells[i]), 9, new PdfPoint(ColumnX[i], y), bold ? boldFont : regularFont);
            }
        }

        y -= 14;
    }

    public void Gap() => y -= 10;
}
