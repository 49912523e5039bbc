using System.Security.Cryptography;
using NetvaerkPortal.Display;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Media;

/// <summary>Logos uploaded at /admin/settings: a PNG, JPEG, WebP or plain SVG (<see cref="SvgSafety"/>) of at most
/// <see cref="MaxBytes"/>, told by its content (never by the name or type the browser sent), stored under a name the
/// portal makes in <c>Media/site-logo</c>, a folder the portal owns. Only files the portal stored there are ever deleted.</summary>
public static class LogoFiles
{
    public const int MaxBytes = 512 * 1024;
    public const string Subfolder = "site-logo";
    private const string Purpose = "uploaded logos";

    /// <summary>The extension for an image's content, or null when it is none of the accepted kinds.</summary>
    public static string? Kind(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ".png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ".jpg"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? ".webp"
        : LooksLikeXml(bytes) ? ".svg"
        : null;

    /// <summary>A problem when a file of <paramref name="length"/> bytes is too large to be a logo (checked before it is read).</summary>
    public static SettingProblem? TooLarge(long length) =>
        length > MaxBytes
            ? new SettingProblem("LogoPath", "The logo file is {0} KB; at most {1} KB are allowed. Save it smaller (a logo needs at most a few hundred pixels).", (length + 1023) / 1024, MaxBytes / 1024)
            : null;

    /// <summary>Null when the upload can be a logo; otherwise a <see cref="SettingProblem"/> for the LogoPath field.</summary>
    public static SettingProblem? Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (TooLarge(bytes.Length) is { } tooLarge)
        {
            return tooLarge;
        }

        var kind = Kind(bytes);
        if (kind is null)
        {
            return new SettingProblem("LogoPath", "The logo file is not a PNG, JPEG, WebP or SVG image. Save the logo in one of these formats and upload it again.");
        }

        return kind == ".svg" ? SvgSafety.Problem(bytes) : null;
    }

    /// <summary>Writes a checked logo under a new name and returns its <c>/media/...</c> path.</summary>
    public static string Save(MediaFolder media, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(bytes);
        var kind = Kind(bytes) ?? throw new ArgumentException("Check the logo before saving it.", nameof(bytes));
        var folder = media.Inside(Subfolder)
            ?? throw new IOException($"The media folder {media.Name} in {media.Root} cannot hold logos (it is a symbolic link).");
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        OwnedFolders.CreateOwned(folder, Purpose);
        var name = $"logo-{DateTime.UtcNow:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{kind}";
        var file = SafePaths.Inside(folder, name) ?? throw new IOException($"The logo folder {folder} cannot take a new file.");
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
        }

        return MediaFiles.UrlPrefix + Subfolder + "/" + name;
    }

    /// <summary>Deletes a logo the portal stored (by its <c>/media/site-logo/logo-...</c> path) when it is no longer used; any other path is left alone.</summary>
    public static void DeleteUploaded(MediaFolder media, string mediaPath)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(mediaPath);
        var prefix = MediaFiles.UrlPrefix + Subfolder + "/logo-";
        if (!mediaPath.StartsWith(prefix, StringComparison.Ordinal) || mediaPath.IndexOf('/', prefix.Length) >= 0)
        {
            return;
        }

        var folder = media.Inside(Subfolder);
        if (folder is not null && OwnedFolders.IsOwned(folder, Purpose) && MediaFiles.Resolve(media, mediaPath) is { } file && File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>An SVG starts with markup: optional byte-order mark and white space, then '&lt;'.</summary>
    private static bool LooksLikeXml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var start = bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]);
        return start >= 0 && bytes[start] == (byte)'<';
    }
}
