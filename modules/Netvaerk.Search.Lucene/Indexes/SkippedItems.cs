namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>An item the index could not take (its document could not be built, or the analyzer or writer
/// refused it): left out of the index, and shown to administrators at /admin/search until it is indexed fine or gone.</summary>
public sealed record SkippedItem(string ContentItemId, string ContentType, string DisplayText, string Error, DateTime SkippedUtc);

/// <summary>The tenant's "LuceneSkippedItems" document: per index, the items it skipped.</summary>
public sealed class SkippedItemsDocument
{
    public const string DocumentName = "LuceneSkippedItems";

    /// <summary>Items kept per index: enough to act on; past this the oldest go (they are still in the log).</summary>
    public const int MaxPerIndex = 1_000;

    public Dictionary<string, List<SkippedItem>> Indexes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SkippedItem> Of(string index) => Indexes.TryGetValue(index, out var items) ? items : [];

    /// <summary>After a batch: items indexed fine (or removed) leave the list, newly skipped ones join it. True when it changed.</summary>
    public bool Update(string index, IReadOnlyCollection<string> indexedFine, IReadOnlyCollection<SkippedItem> skipped)
    {
        var before = Of(index);
        if (before.Count == 0 && skipped.Count == 0)
        {
            return false;
        }

        var gone = new HashSet<string>(indexedFine.Concat(skipped.Select(item => item.ContentItemId)), StringComparer.Ordinal);
        var after = before.Where(item => !gone.Contains(item.ContentItemId)).Concat(skipped).ToList();
        return Set(index, after, before.Count);
    }

    /// <summary>After a rebuild: the list is exactly what the rebuild skipped. True when it changed.</summary>
    public bool Replace(string index, IReadOnlyCollection<SkippedItem> skipped)
    {
        var before = Of(index);
        return (before.Count > 0 || skipped.Count > 0) && Set(index, skipped.ToList(), before.Count);
    }

    private bool Set(string index, List<SkippedItem> items, int countBefore)
    {
        if (items.Count > MaxPerIndex)
        {
            items = items.OrderByDescending(item => item.SkippedUtc).Take(MaxPerIndex).ToList();
        }

        if (items.Count == 0)
        {
            Indexes.Remove(index);
            return countBefore > 0;
        }

        Indexes[index] = items;
        return true;
    }
}
