namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>One index of a tenant, in Orchard Core's lucene-index shape.</summary>
public sealed class LuceneIndexSettings
{
    public string AnalyzerName { get; set; } = "danish";

    public bool IndexLatest { get; set; }

    public List<string> IndexedContentTypes { get; set; } = [];

    public string Culture { get; set; } = "da";

    /// <summary>Does the index hold items of this type? An empty list means every type.</summary>
    public bool Indexes(string contentType) =>
        IndexedContentTypes.Count == 0 || IndexedContentTypes.Contains(contentType, StringComparer.Ordinal);
}

/// <summary>The tenant's "LuceneIndexes" document: its indexes by name, and those waiting to be rebuilt from the database.</summary>
public sealed class LuceneIndexesDocument
{
    public const string DocumentName = "LuceneIndexes";

    public static readonly IReadOnlyList<string> AnalyzerNames = ["danish", "english", "standard", "standardanalyzer"];

    public Dictionary<string, LuceneIndexSettings> Indexes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> PendingRebuild { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The index the search page and API use when the tenant has not named one.</summary>
    public const string DefaultIndexName = "Search";

    /// <summary>The content types of the default index.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes = ["Network", "Case", "MeetingNote", "KnowledgeArticle"];

    /// <summary>The tenant's indexes; the default index when its recipe defined none.</summary>
    public IReadOnlyDictionary<string, LuceneIndexSettings> Effective() => Indexes.Count > 0
        ? Indexes
        : new Dictionary<string, LuceneIndexSettings>(StringComparer.OrdinalIgnoreCase)
        {
            [DefaultIndexName] = new() { IndexedContentTypes = [.. DefaultContentTypes] },
        };

    /// <summary>The index searches use: "Search" when defined, else the first one.</summary>
    public KeyValuePair<string, LuceneIndexSettings> SearchIndex()
    {
        var indexes = Effective();
        return indexes.TryGetValue(DefaultIndexName, out var search)
            ? new(DefaultIndexName, search)
            : indexes.OrderBy(pair => pair.Key, StringComparer.Ordinal).First();
    }
}
