using Lucene.Net.Index;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// What a hit shows (id, title, path, type, network, date, text), read from the index's doc values: a few
/// random reads per hit, where stored fields would decompress a block of neighbouring documents for each one.
/// </summary>
internal sealed class HitValues(IndexReader reader)
{
    private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;
    private readonly BytesRef _bytes = new();

    public string? Text(int doc, string field)
    {
        var (leaf, local) = Leaf(doc);
        var values = leaf.GetBinaryDocValues(field);
        if (values is null)
        {
            return null;
        }

        values.Get(local, _bytes);
        return _bytes.Length == 0 ? null : _bytes.Utf8ToString();
    }

    public string? Keyword(int doc, string field)
    {
        var (leaf, local) = Leaf(doc);
        var values = leaf.GetSortedDocValues(field);
        var ord = values?.GetOrd(local) ?? -1;
        if (ord < 0)
        {
            return null;
        }

        values!.LookupOrd(ord, _bytes);
        return _bytes.Utf8ToString();
    }

    public DateTime? Date(int doc)
    {
        var (leaf, local) = Leaf(doc);
        var values = leaf.GetNumericDocValues(SearchFieldNames.Date);
        return values is null || leaf.GetDocsWithField(SearchFieldNames.Date)?.Get(local) != true
            ? null
            : new DateTime(values.Get(local), DateTimeKind.Utc);
    }

    private (AtomicReader Reader, int Doc) Leaf(int doc)
    {
        var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
        return (leaf.AtomicReader, doc - leaf.DocBase);
    }
}
