using Microsoft.AspNetCore.Http;

namespace OrderPlatform.Shops.Uploads;

/// <summary>
/// A photo a customer or a seller sends (a claim's, a message's attachment): at most 5 MB, a JPEG, PNG or WebP image by what its bytes
/// say, not by what the upload claims [FR-05, MP-09].
/// </summary>
public sealed record UploadedPhoto(byte[] Content, string ContentType)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The photo read, or why it is refused (for the field <c>photo</c>); neither when none was sent.</summary>
    public static async Task<(UploadedPhoto? Photo, string? Refusal)> ReadAsync(IFormFile? photo, CancellationToken cancellationToken)
    {
        if (photo is null)
        {
            return (null, null);
        }

        if (photo.Length is 0 or > MaxBytes)
        {
            return (null, "A photo of at most 5 MB.");
        }

        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        return ImageType(content) is { } type ? (new UploadedPhoto(content, type), null) : (null, "A JPEG, PNG or WebP image.");
    }

    public static string? ImageType(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };
}
