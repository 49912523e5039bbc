namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>One index of a tenant, in Orchard Core's lucene-index shape.</summary>
public sealed class LuceneIndexSettings
{
    public string AnalyzerName { get; set; } = "danish";

    public bool IndexLatest { get; set; }

    public List<string> IndexedContentTypes { get; set; } = [];

    public string Culture { get; set; } = "da";
}

/// <summary>The tenant's "LuceneIndexes" document: its indexes by name, and those waiting to be rebuilt from the database.</summary>
public sealed class LuceneIndexesDocument
{
    public const string DocumentName = "LuceneIndexes";

    public static readonly IReadOnlyList<string> AnalyzerNames = ["danish", "english", "standard", "standardanalyzer"];

    public Dictionary<string, LuceneIndexSettings> Indexes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> PendingRebuild { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
