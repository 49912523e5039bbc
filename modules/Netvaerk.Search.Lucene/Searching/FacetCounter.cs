using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// Counts content type, network and tag over every document the search collects, in the same pass as the
/// top hits. Lucene.Net.Facet is not available. Each segment's doc values are read once into plain arrays
/// (<see cref="SegmentOrdinals"/>, cached for the segment's lifetime), so counting a document is a few
/// array reads; counts are kept by ordinal and turned into strings once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);

    private SegmentOrdinals? _segment;
    private int[] _typeCounts = [];
    private int[] _networkCounts = [];
    private int[] _tagCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = SegmentOrdinals.For(context.AtomicReader);
        _typeCounts = new int[_segment.Types.Length];
        _networkCounts = new int[_segment.Networks.Length];
        _tagCounts = new int[_segment.Tags.Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        if (segment.TypeOrd[doc] is var type and >= 0)
        {
            _typeCounts[type]++;
        }

        if (segment.NetworkOrd[doc] is var network and >= 0)
        {
            _networkCounts[network]++;
        }

        for (int i = segment.TagStart[doc], end = segment.TagStart[doc + 1]; i < end; i++)
        {
            _tagCounts[segment.TagOrds[i]]++;
        }
    }

    /// <summary>The counts, most frequent first (ties by value), at most <paramref name="limit"/> per facet.</summary>
    public SearchFacets Result(int limit)
    {
        Flush();
        return new SearchFacets(Top(_types, limit), Top(_networks, limit), Top(_tags, limit));
    }

    private void Flush()
    {
        if (_segment is null)
        {
            return;
        }

        Add(_types, _segment.Types, _typeCounts);
        Add(_networks, _segment.Networks, _networkCounts);
        Add(_tags, _segment.Tags, _tagCounts);
        _segment = null;
    }

    private static void Add(Dictionary<string, int> totals, string[] values, int[] counts)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
            }
        }
    }

    private static Dictionary<string, int> Top(Dictionary<string, int> counts, int limit) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(limit)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>One segment's facet values as arrays: per document the ordinal of its type and network (-1 for
/// none) and the range of its tag ordinals. Built on first use and kept as long as the segment lives.</summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, SegmentOrdinals> Cache = [];

    private SegmentOrdinals(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        (Types, TypeOrd) = Single(reader.GetSortedDocValues(SearchFieldNames.ContentType), maxDoc);
        (Networks, NetworkOrd) = Single(reader.GetSortedDocValues(SearchFieldNames.Network), maxDoc);
        var tags = reader.GetSortedSetDocValues(SearchFieldNames.Tag);
        TagStart = new int[maxDoc + 1];
        var ords = new List<int>();
        Tags = tags is null ? [] : Values(tags.ValueCount, (ord, scratch) => tags.LookupOrd(ord, scratch));
        for (var doc = 0; doc < maxDoc; doc++)
        {
            TagStart[doc] = ords.Count;
            if (tags is not null)
            {
                tags.SetDocument(doc);
                long ord;
                while ((ord = tags.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((int)ord);
                }
            }
        }

        TagStart[maxDoc] = ords.Count;
        TagOrds = [.. ords];
    }

    public string[] Types { get; }

    public int[] TypeOrd { get; }

    public string[] Networks { get; }

    public int[] NetworkOrd { get; }

    public string[] Tags { get; }

    /// <summary>Document d's tags are TagOrds[TagStart[d]..TagStart[d + 1]].</summary>
    public int[] TagStart { get; }

    public int[] TagOrds { get; }

    public static SegmentOrdinals For(AtomicReader reader) =>
        // The core key stays the same for a segment across reopened readers (deletes do not change it).
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentOrdinals(reader));

    private static (string[] Values, int[] Ords) Single(SortedDocValues? values, int maxDoc)
    {
        var ords = new int[maxDoc];
        if (values is null)
        {
            Array.Fill(ords, -1);
            return ([], ords);
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            ords[doc] = values.GetOrd(doc);
        }

        return (Values(values.ValueCount, (ord, scratch) => values.LookupOrd((int)ord, scratch)), ords);
    }

    private static string[] Values(long count, Action<long, BytesRef> lookup)
    {
        var values = new string[count];
        var scratch = new BytesRef();
        for (var ord = 0L; ord < count; ord++)
        {
            lookup(ord, scratch);
            values[ord] = scratch.Utf8ToString();
        }

        return values;
    }
}
