using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;

namespace NetvaerkPortal.Benchmarks.Search;

/// <summary>Where a portal query's time goes, step by step, in CPU time (NETVAERK_SEARCH_PROFILE=1 with the search benchmark).</summary>
internal static class SearchProfile
{
    private static readonly Lucene.Net.Analysis.Analyzer Standard = new Lucene.Net.Analysis.Standard.StandardAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);

    public static void Run(string indexPath, IReadOnlyList<string> queries)
    {
        using var directory = FSDirectory.Open(indexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var queryAnalyzer = AnalyzerNames.CreateQueryAnalyzer("danish");
        var indexAnalyzer = AnalyzerNames.CreateIndexAnalyzer("danish");
        string[] terms = ["public", "tenant", "network:netvaerk0001", "network:netvaerk0002", "network:netvaerk0003"];
        var visibility = new Lucene.Net.Queries.TermsFilter(terms.Select(t => new Term("visibility", t)).ToList());
        var steps = new Dictionary<string, double>();
        void Time(string step, Action action)
        {
            // Process CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
            var process = Process.GetCurrentProcess();
            var start = process.TotalProcessorTime;
            action();
            process.Refresh();
            steps[step] = steps.GetValueOrDefault(step) + (process.TotalProcessorTime - start).TotalMilliseconds;
        }

        for (var round = 0; round < 11; round++)
        {
            if (round == 1)
            {
                steps.Clear();
            }

            foreach (var text in queries)
            {
                Query query = null!;
                Time("parse+analyse", () => query = QueryText.Parse(text).ToQuery(queryAnalyzer, IndexQuery.MatchFields));
                TopDocs top = null!;
                Time("top10 unfiltered", () => top = searcher.Search(query, 10));
                Time("top10 filtered", () => top = searcher.Search(query, visibility, 10));
                Time("top10 filtered + facets", () =>
                {
                    var collector = TopScoreDocCollector.Create(10, false);
                    searcher.Search(query, visibility, MultiCollector.Wrap(collector, new FacetCounter()));
                });
                var values = new HitValues(reader);
                List<string> bodies = null!;
                Time("load 10 bodies", () => bodies = top.ScoreDocs.Select(hit => values.Text(hit.Doc, SearchFieldNames.Body) ?? "").ToList());
                Time("snippets", () =>
                {
                    var snippets = new Snippets(query, new IndexedWords(indexAnalyzer));
                    foreach (var body in bodies)
                    {
                        snippets.For(body);
                    }
                });
                foreach (var (name, analyzer) in new[] { ("analyse danish", indexAnalyzer), ("analyse standard", Standard), ("analyse danish query", queryAnalyzer) })
                {
                    Time(name, () =>
                    {
                        foreach (var body in bodies)
                        {
                            using var stream = analyzer.GetTokenStream("body", body);
                            stream.Reset();
                            while (stream.IncrementToken())
                            {
                            }

                            stream.End();
                        }
                    });
                }

                Time("IndexQuery.Run", () => IndexQuery.Run(searcher, queryAnalyzer, indexAnalyzer, new SearchRequest { Query = text }, terms, (id, _) => id));
            }
        }

        foreach (var (step, total) in steps)
        {
            Console.WriteLine($"{step,-28} {total / (10.0 * queries.Count):F3} ms per query");
        }
    }
}
