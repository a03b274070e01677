using QRCoder;

namespace OrderPlatform.BackOffice.Session;

/// <summary>How an authenticator's key is shown while an operator sets their app up.</summary>
public static class Authenticators
{
    /// <summary>The QR code of the enrolment address, as an image in the page itself (nothing leaves the back office to draw it).</summary>
    public static string QrCode(string enrolmentUri) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(enrolmentUri, QRCodeGenerator.ECCLevel.M, 6));

    /// <summary>The key in groups of four, as it is typed into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', (key ?? "").Chunk(4).Select(group => new string(group)));
}
