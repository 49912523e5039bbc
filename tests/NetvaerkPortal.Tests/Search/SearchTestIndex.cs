using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Documents indexed in memory with an index-time analyzer, searched through QueryText.</summary>
public sealed class SearchTestIndex : IDisposable
{
    public static readonly IReadOnlyList<SearchField> Fields = [new("title", 3f), new("body")];

    private readonly RAMDirectory _directory = new();

    public SearchTestIndex(IEnumerable<RelevanceDocument> documents, Analyzer indexAnalyzer, Analyzer queryAnalyzer)
    {
        QueryAnalyzer = queryAnalyzer;
        IndexAnalyzer = indexAnalyzer;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, indexAnalyzer)))
        {
            foreach (var document in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", document.Id, Field.Store.YES),
                    new TextField("title", document.Title, Field.Store.NO),
                    new TextField("body", document.Body, Field.Store.NO),
                    new TextField("body" + DanishAnalyzer.ReversedFieldSuffix, document.Title + "\n" + document.Body, Field.Store.NO),
                });
            }
        }

        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader);
    }

    public static SearchTestIndex Danish(IEnumerable<RelevanceDocument> documents, string? extraSynonyms = null) =>
        new(documents, new DanishAnalyzer(), DanishSynonyms.CreateQueryAnalyzer(extraSynonyms));

    /// <summary>Indexed without the shipped compound parts list: compounds are found at query time alone.</summary>
    public static SearchTestIndex DanishWithoutCompoundList(IEnumerable<RelevanceDocument> documents) =>
        new(documents, DanishAnalyzer.WithoutCompoundList(), DanishSynonyms.CreateQueryAnalyzer(null));

    public Analyzer QueryAnalyzer { get; }

    public Analyzer IndexAnalyzer { get; }

    public IndexReader Reader { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>The ids of the best <paramref name="count"/> documents for what a user typed.</summary>
    /// <param name="compounds">Whether query words also search the indexed compounds that begin or end with them, as the portal's do.</param>
    public IReadOnlyList<string> Search(string userQuery, int count = 10, bool compounds = true)
    {
        var query = QueryText.Parse(userQuery).ToQuery(QueryAnalyzer, Fields, compounds ? Compounds() : null);
        return Searcher.Search(query, count).ScoreDocs.Select(hit => Searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The query-time decompounding the portal uses with a Danish index; null for another analyzer.</summary>
    internal CompoundExpansion? Compounds() =>
        IndexAnalyzer is DanishAnalyzer danish ? new CompoundExpansion(Reader, Fields.Select(field => field.Name), "body" + DanishAnalyzer.ReversedFieldSuffix, danish.UsesCompoundList) : null;

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
