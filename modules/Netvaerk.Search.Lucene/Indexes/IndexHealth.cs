using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// Lucene's CheckIndex over every segment (checksums of every file, then every term, posting and doc value):
/// what an index gets at startup when the process before did not close it. Random bytes in the middle of a
/// segment are invisible to opening an index and reading its last document; they are not invisible to this.
/// </summary>
internal static class IndexHealth
{
    /// <summary>Why the index is damaged, or null when every segment reads back as written.</summary>
    /// <remarks>Call it before a writer is opened on the directory (CheckIndex's own rule).</remarks>
    public static string? Damage(LuceneDirectory directory)
    {
        try
        {
            var status = new CheckIndex(directory) { InfoStream = null }.DoCheckIndex();
            if (status.Clean)
            {
                return null;
            }

            return status.MissingSegments
                ? "CheckIndex found no readable commit"
                : $"CheckIndex found {status.NumBadSegments} of {status.NumSegments} segments damaged";
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return $"CheckIndex could not read it ({error.GetType().Name}: {error.Message})";
        }
    }
}
