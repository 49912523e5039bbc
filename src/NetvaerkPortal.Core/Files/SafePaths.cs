using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetvaerkPortal.Files;

/// <summary>
/// The one place where a name or path that came from input becomes a file-system path. A name must match a
/// strict pattern; a resolved path must stay inside the folder it belongs to, and no part of it below that
/// folder may be a symbolic link (a link could lead anywhere, and following it is how a name escapes).
/// </summary>
public static partial class SafePaths
{
    /// <summary>The longest relative path <see cref="IsSafeRelativePath"/> accepts.</summary>
    public const int MaxRelativePathLength = 255;

    // \z, not $: in .NET '$' also matches before a final newline, so "name\n" would pass.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z")]
    private static partial Regex NamePattern();

    // One segment of a file path: letters of any script, digits, and a few marks; at most 80 characters, so
    // even three UTF-8 bytes a letter stay under every file system's 255-byte limit.
    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_ .()+,-]{0,79}\z")]
    private static partial Regex FileNamePattern();

    // Names Windows gives to devices, with or without an extension: a file called "nul.txt" cannot be made there.
    [GeneratedRegex(@"^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\..*)?\z", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceNamePattern();

    /// <summary>True for a name that can be one folder or file name on every platform: 1–64 letters, digits, '-'
    /// or '_', starting with a letter or digit (so never '.', '..', a separator, a drive or a device name).</summary>
    public static bool IsSafeName(string? name) => name is not null && NamePattern().IsMatch(name) && !DeviceNamePattern().IsMatch(name);

    /// <summary>True for one file name such as <c>Mødebillede (2).jpg</c> or <c>Content-Case.Summary</c>: 1–80 letters,
    /// digits, spaces and <c>_ . ( ) + , -</c>, starting with a letter, digit or '_' (so never hidden, '.' or '..'),
    /// not ending with '.' or a space, and no device name.</summary>
    public static bool IsSafeFileName(string? name) =>
        name is not null && FileNamePattern().IsMatch(name) && !name.EndsWith('.') && !name.EndsWith(' ') && !DeviceNamePattern().IsMatch(name);

    /// <summary>True for a relative path of <see cref="IsSafeFileName"/> names joined by '/' (e.g. <c>media/logo.png</c>),
    /// at most <see cref="MaxRelativePathLength"/> characters: no '..', no leading '/', no '\\', no drive.</summary>
    public static bool IsSafeRelativePath(string? path) =>
        path is { Length: > 0 and <= MaxRelativePathLength } && path.Split('/').All(IsSafeFileName);

    /// <summary>Input shown inside a message: control characters escaped, cut at <paramref name="max"/> characters,
    /// so a hostile name can neither break the message's line nor bury it.</summary>
    public static string Show(string? text, int max = 80)
    {
        if (text is null)
        {
            return "";
        }

        var cut = text.Length > max ? text[..max] : text;
        var shown = new StringBuilder(cut.Length + 8);
        for (var i = 0; i < cut.Length; i++)
        {
            var c = cut[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]))
            {
                shown.Append(c).Append(cut[++i]);
                continue;
            }

            var hidden = char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
            shown.Append(hidden ? $"\\u{(int)c:x4}" : c);
        }

        return text.Length > max ? shown.Append('…').ToString() : shown.ToString();
    }

    /// <summary>Resolves <paramref name="relativePath"/> inside <paramref name="root"/>, or returns null when the
    /// result would leave it: rooted paths, '..' that climbs out, and symbolic links below the root are refused.</summary>
    public static string? Inside(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return HasLinkBelow(fullRoot, full) ? null : full;
    }

    /// <summary>Like <see cref="Inside"/> for a single name (<see cref="IsSafeName"/>), e.g. an index or tenant folder.</summary>
    public static string? Child(string root, string name) => IsSafeName(name) ? Inside(root, name) : null;

    /// <summary>True when any part of <paramref name="full"/> below <paramref name="root"/> is a symbolic link,
    /// dangling ones included (writing through a dangling link would create its target, wherever that is).</summary>
    public static bool HasLinkBelow(string root, string full)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(full);
        var current = full;
        while (current.Length > root.Length)
        {
            if (IsLink(current))
            {
                return true;
            }

            current = Path.GetDirectoryName(current) ?? root;
        }

        return false;
    }

    // LinkTarget reads the link itself (readlink), so it sees links to files, to folders and to nothing.
    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false; // nothing there (yet), so nothing to follow
        }
        catch (UnauthorizedAccessException)
        {
            return true; // cannot tell, so refuse
        }
    }
}

/// <summary>
/// Marks a folder as one the portal created for a purpose, so that the portal only ever empties or deletes
/// folders it made itself: a folder without the marker (someone else's, or one a bad name pointed at) is left alone.
/// The marker names the purpose, and a folder is owned only for that purpose: a tenant's site folder is never
/// taken for an index folder that a name like "Lucene/.." pointed at.
/// </summary>
public static class OwnedFolders
{
    public const string MarkerFileName = ".netvaerk-owned";

    /// <summary>Creates the folder if needed and marks it as the portal's, for <paramref name="purpose"/>.</summary>
    /// <exception cref="IOException">The folder exists, is not empty, and was not created by the portal for this purpose.</exception>
    public static void CreateOwned(string path, string purpose)
    {
        ArgumentNullException.ThrowIfNull(path);
        var marker = Path.Combine(path, MarkerFileName);
        if (File.Exists(marker) && !IsOwned(path, purpose))
        {
            throw new IOException($"The folder '{path}' belongs to the portal for another purpose ({File.ReadAllText(marker).Trim()}); it is left alone. Choose another name.");
        }

        if (Directory.Exists(path) && !File.Exists(marker) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new IOException($"The folder '{path}' already holds files that the portal did not create; it is left alone. Move them away or choose another name.");
        }

        Directory.CreateDirectory(path);
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, purpose);
        }
    }

    /// <summary>
    /// Marks an existing, unmarked folder as the portal's when everything in it is a file the portal itself would
    /// have written there (<paramref name="isOwnFile"/>, by name): how a folder made before markers existed is taken
    /// over. A folder that is a symbolic link, or holds a subfolder, a link or any other file, is left unmarked.
    /// </summary>
    /// <returns>True when the folder is the portal's now (marked before, or adopted); false when it was left alone.</returns>
    public static bool Adopt(string path, string purpose, Func<string, bool> isOwnFile)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(isOwnFile);
        if (IsOwned(path, purpose))
        {
            return true;
        }

        if (!Directory.Exists(path) || new DirectoryInfo(path).LinkTarget is not null || File.Exists(Path.Combine(path, MarkerFileName)))
        {
            return false;
        }

        var foreign = Directory.EnumerateFileSystemEntries(path).Any(entry =>
            Directory.Exists(entry) || new FileInfo(entry).LinkTarget is not null || !isOwnFile(Path.GetFileName(entry)));
        if (foreign)
        {
            return false;
        }

        File.WriteAllText(Path.Combine(path, MarkerFileName), purpose);
        return true;
    }

    /// <summary>True when the portal created <paramref name="path"/> for <paramref name="purpose"/> (its marker file
    /// names that purpose, and the folder is no symbolic link).</summary>
    public static bool IsOwned(string path, string purpose)
    {
        var marker = Path.Combine(path, MarkerFileName);
        return Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null && File.Exists(marker)
            && new FileInfo(marker).LinkTarget is null && string.Equals(File.ReadAllText(marker).Trim(), purpose, StringComparison.Ordinal);
    }
}
