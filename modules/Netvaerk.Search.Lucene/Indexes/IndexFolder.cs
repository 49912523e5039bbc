using System.Text.RegularExpressions;
using NetvaerkPortal.Files;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// The folder of one index, App_Data/Sites/{tenant}/Lucene/{index}: created and marked as the portal's
/// (<see cref="OwnedFolders"/>), and the only place where index files are ever deleted, one recognised
/// Lucene file at a time, never write.lock and never anything else.
/// </summary>
internal static partial class IndexFolder
{
    public const string Purpose = "Netvaerk.Search.Lucene index";

    /// <summary>Written when the index was closed properly; taken away when it is opened. Missing at the next open:
    /// the process stopped without closing it, and the index is checked (<see cref="IndexHealth"/>).</summary>
    public const string CleanShutdownFileName = ".clean-shutdown";

    private const string WriteLockFileName = "write.lock";

    // The files a Lucene 4.x index consists of: its commit points, its lock, and the segments' codec files
    // (_0.cfs, _0_Lucene41_0.tim, _0_1.liv, ...). Anything else in the folder is not the index's.
    [GeneratedRegex(@"^(segments_[0-9a-z]+|segments\.gen|pending_segments_[0-9a-z]+|write\.lock|_[0-9a-z]+(_[0-9A-Za-z]+)*\.(cfs|cfe|si|fnm|fdt|fdx|tim|tip|doc|pos|pay|nvd|nvm|dvd|dvm|tvx|tvd|tvf|liv|del|len|frq|prx|tis|tii|nrm))$")]
    private static partial Regex LuceneFileName();

    public static bool IsIndexFile(string name) =>
        LuceneFileName().IsMatch(name) || name is OwnedFolders.MarkerFileName or CleanShutdownFileName;

    /// <summary>
    /// Makes sure <paramref name="path"/> is a folder the portal owns for this index: creates and marks it when
    /// missing, adopts an unmarked one that holds nothing but an index (made before folders were marked).
    /// </summary>
    /// <exception cref="IndexFolderRefusedException">The folder holds something else, or is a link: it is left alone.</exception>
    public static void Claim(string tenant, string index, string path)
    {
        // Resolved first: "Lucene/.." must be seen for the folder it is.
        path = Path.GetFullPath(path);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            OwnedFolders.CreateOwned(path, Purpose);
            return;
        }

        if (!OwnedFolders.Adopt(path, Purpose, IsIndexFile))
        {
            throw new IndexFolderRefusedException(tenant, index, path, Foreign(path));
        }
    }

    /// <summary>Deletes the index's files so that a new index can be written: only in a folder the portal owns,
    /// only files recognised as Lucene's, and never write.lock (the lock of whoever writes the index).</summary>
    public static void DeleteIndexFiles(string path)
    {
        if (!OwnedFolders.IsOwned(path, Purpose))
        {
            throw new InvalidOperationException($"The folder '{path}' is not one the portal created for an index; nothing in it is deleted.");
        }

        foreach (var file in Directory.EnumerateFiles(path))
        {
            var name = Path.GetFileName(file);
            if (LuceneFileName().IsMatch(name) && name != WriteLockFileName && new FileInfo(file).LinkTarget is null)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>True when the index was closed properly last time; the mark is taken away (it is set again on close).</summary>
    public static bool TakeCleanShutdownMark(string path)
    {
        var mark = Path.Combine(path, CleanShutdownFileName);
        if (!File.Exists(mark))
        {
            return false;
        }

        File.Delete(mark);
        return true;
    }

    /// <summary>Whether an index in <paramref name="luceneFolder"/> (a tenant's Lucene folder) was left open by a process
    /// that did not close it: such an index is checked for damage at startup, before anyone asks for it.</summary>
    public static bool AnyLeftOpen(string luceneFolder) =>
        Directory.Exists(luceneFolder)
        && Directory.EnumerateDirectories(luceneFolder).Any(path => OwnedFolders.IsOwned(path, Purpose) && !File.Exists(Path.Combine(path, CleanShutdownFileName)));

    public static void MarkCleanShutdown(string path)
    {
        if (OwnedFolders.IsOwned(path, Purpose))
        {
            // Deleted first: whatever is in its place (a link, perhaps) is not written through.
            var mark = Path.Combine(path, CleanShutdownFileName);
            File.Delete(mark);
            File.WriteAllText(mark, DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // What makes a folder not an index's, for the message: the first few foreign entries, or that it is a link.
    private static string Foreign(string path)
    {
        if (File.Exists(path))
        {
            return "it is a file, not a folder";
        }

        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            return "it is a symbolic link";
        }

        var names = Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>()
            .Where(name => !IsIndexFile(name) || Directory.Exists(Path.Combine(path, name))).Order(StringComparer.Ordinal).Take(5).ToList();
        return $"it holds {string.Join(", ", names.Select(name => $"'{name}'"))}";
    }
}

/// <summary>An index's folder holds files the portal did not create (or is a link): the index is not opened, and nothing there is touched.</summary>
public sealed class IndexFolderRefusedException(string tenant, string index, string path, string why)
    : IOException($"The search index '{index}' of tenant '{tenant}' is not opened: its folder '{path}' is not one the portal created ({why}). "
        + "Nothing in it was changed. Move those files away (or choose another index name); the index is then rebuilt from the database.");
