using System.Text;

namespace NetvaerkPortal.Web.Pages.Admin.Tenants;

/// <summary>Reads an uploaded recipe file from the upload stream, never from a path the request names: at most
/// <see cref="MaxBytes"/>, strict UTF-8. Returns the text, or the Danish reason it cannot be used.</summary>
public static class RecipeUpload
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>What the form may carry in all: up to this a too-large file gets the clear message above; a larger
    /// body is cut off before it is buffered (a plain 400).</summary>
    public const int MaxFormBytes = 8 * MaxBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, string? Problem)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > MaxBytes)
        {
            return (null, TooLarge);
        }

        // The declared length is the client's word; the stream is read to at most one byte past the limit.
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        await using (var stream = file.OpenReadStream())
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }

        if (length > MaxBytes)
        {
            return (null, TooLarge);
        }

        try
        {
            return (StrictUtf8.GetString(buffer, 0, length).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Opskriftsfilen er ikke UTF-8-tekst. Gem den som UTF-8 og prøv igen.");
        }
    }

    private const string TooLarge = "Opskriftsfilen er for stor. En opskrift må højst fylde 1 MB.";
}
