using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// Where a failed background merge of one index goes. Lucene's merge scheduler rethrows it on its own thread,
/// which would end the process; here it is logged and the index is marked for rebuild instead (a merge reads
/// every byte of its segments, so it is often the first to meet damage).
/// </summary>
internal sealed class MergeFailures(string tenant, string index, ILogger logger)
{
    /// <summary>The index, once opened; a merge cannot fail before its writer exists.</summary>
    public LuceneIndex? Index { get; set; }

    /// <summary>A scheduler for one writer (a scheduler is not shared between writers).</summary>
    public IMergeScheduler Scheduler() => new Reporting(this);

    private void Failed(Exception error)
    {
        logger.LogError(error, "A merge of the search index {Index} of tenant {Tenant} failed; the index is rebuilt from the database", index, tenant);
        Index?.MarkForRebuild($"a merge failed ({error.GetType().Name}: {error.Message})");
    }

    private sealed class Reporting(MergeFailures owner) : ConcurrentMergeScheduler
    {
        protected override void HandleMergeException(Exception exc) => owner.Failed(exc);
    }
}
