using NetvaerkPortal.Files;

namespace NetvaerkPortal.Media;

/// <summary>The tenant's media folder (<see cref="MediaLocations"/>: <c>App_Data/Sites/{tenant}/Media</c> or
/// <c>{Portal:MediaPath}/{tenant}</c>, where recipes' media steps and uploaded logos put files) and the images in it that
/// pages may show, at <c>/media/{path}</c>.</summary>
public static class MediaFiles
{
    public const string Folder = "Media";

    /// <summary>Where a page links a media file: below the tenant's path base.</summary>
    public const string UrlPrefix = "/media/";

    /// <summary>The image types the portal shows from media, by extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> ImageTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>True for <c>/media/</c> and a safe relative path (<see cref="SafePaths.IsSafeRelativePath"/>) to an image.</summary>
    public static bool IsImagePath(string? path) =>
        path is not null && path.StartsWith(UrlPrefix, StringComparison.Ordinal) && IsImage(path[UrlPrefix.Length..]);

    /// <summary>True for a safe relative path inside the media folder that names an image.</summary>
    public static bool IsImage(string relativePath) =>
        SafePaths.IsSafeRelativePath(relativePath) && ImageTypes.ContainsKey(Path.GetExtension(relativePath));

    /// <summary>The file a <c>/media/...</c> path names inside the tenant's media folder, or null when the path is not a
    /// safe image path or leads outside (symbolic links included).</summary>
    public static string? Resolve(MediaFolder media, string mediaPath)
    {
        ArgumentNullException.ThrowIfNull(media);
        return IsImagePath(mediaPath) ? media.Inside(mediaPath[UrlPrefix.Length..]) : null;
    }

    public static string ContentType(string path) => ImageTypes[Path.GetExtension(path)];
}
