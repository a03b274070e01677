using System.Globalization;
using System.Text;

namespace OrderPlatform.Sandboxes.Carriers;

/// <summary>A 10×15 label as a small, valid one-page PDF: the carrier, the parcel number, where it goes.</summary>
public static class LabelPdf
{
    public static byte[] For(string carrier, SandboxParcel parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        string[] lines =
        [
            carrier, $"{parcel.Product}  {parcel.TrackingNumber}", $"Ref. {Ascii(parcel.Reference)}",
            $"Dest. {parcel.RecipientPostalCode} {parcel.RecipientCountry}", parcel.RelayId is null ? "" : $"Relais {parcel.RelayId}",
        ];
        var text = new StringBuilder("BT /F1 16 Tf 20 390 Td 20 TL");
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Ascii(line)}) Tj T*");
        }

        text.Append(" ET");
        var content = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 425] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>Helvetica in a hand-made PDF speaks ASCII; parentheses and backslashes would end the string.</summary>
    private static string Ascii(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => c is >= ' ' and <= '~' and not ('(' or ')' or '\\')).ToArray());
}
