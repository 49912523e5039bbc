using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// Counts content type, network and tag over every document the search collects, in the same pass as the
/// top hits. Lucene.Net.Facet is not available; doc values make this an array increment per document:
/// counts are kept per segment by ordinal and turned into strings once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();

    private SortedDocValues? _typeValues;
    private SortedDocValues? _networkValues;
    private SortedSetDocValues? _tagValues;
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
        var reader = context.AtomicReader;
        _typeValues = reader.GetSortedDocValues(SearchFieldNames.ContentType);
        _networkValues = reader.GetSortedDocValues(SearchFieldNames.Network);
        _tagValues = reader.GetSortedSetDocValues(SearchFieldNames.Tag);
        _typeCounts = _typeValues is null ? [] : new int[_typeValues.ValueCount];
        _networkCounts = _networkValues is null ? [] : new int[_networkValues.ValueCount];
        _tagCounts = _tagValues is null ? [] : new int[_tagValues.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_typeValues is not null && _typeValues.GetOrd(doc) is var type and >= 0)
        {
            _typeCounts[type]++;
        }

        if (_networkValues is not null && _networkValues.GetOrd(doc) is var network and >= 0)
        {
            _networkCounts[network]++;
        }

        if (_tagValues is not null)
        {
            _tagValues.SetDocument(doc);
            long tag;
            while ((tag = _tagValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _tagCounts[tag]++;
            }
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
        for (var ord = 0; ord < _typeCounts.Length; ord++)
        {
            if (_typeCounts[ord] > 0)
            {
                _typeValues!.LookupOrd(ord, _scratch);
                Add(_types, _scratch.Utf8ToString(), _typeCounts[ord]);
            }
        }

        for (var ord = 0; ord < _networkCounts.Length; ord++)
        {
            if (_networkCounts[ord] > 0)
            {
                _networkValues!.LookupOrd(ord, _scratch);
                Add(_networks, _scratch.Utf8ToString(), _networkCounts[ord]);
            }
        }

        for (var ord = 0; ord < _tagCounts.Length; ord++)
        {
            if (_tagCounts[ord] > 0)
            {
                _tagValues!.LookupOrd(ord, _scratch);
                Add(_tags, _scratch.Utf8ToString(), _tagCounts[ord]);
            }
        }

        _typeCounts = _networkCounts = _tagCounts = [];
    }

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;

    private static Dictionary<string, int> Top(Dictionary<string, int> counts, int limit) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(limit)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
