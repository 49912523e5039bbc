using System.Globalization;
using System.Text;
using Lucene.Net.Util;
using Xunit.Abstractions;
using LuceneDanishAnalyzer = Lucene.Net.Analysis.Da.DanishAnalyzer;

namespace NetvaerkPortal.Tests.Search;

/// <summary>
/// Measures the Danish search on <see cref="DanishRelevanceSet"/>: each query through QueryText and the
/// query analyzer, against the documents indexed with DanishAnalyzer (title ×3, body).
/// </summary>
public sealed class DanishRelevanceTests(ITestOutputHelper output)
{
    // Thresholds, and why: a person scans the first page (10 hits), so recall@10 says whether what they
    // need is there at all, and MRR whether it comes first. Each query targets one feature (folding,
    // compounds, stems, synonyms, phrases, exclusion), so a lost feature costs several queries' recall:
    // 0.90 leaves room for the judgements no analyzer here meets (a compound the document writes apart,
    // "netværksmøde evaluering") but not for a lost feature. MRR 0.80: the first relevant document is on
    // average at the top or just below it. Measured when set: this analysis 0.958 / 1.000; Lucene's stock
    // DanishAnalyzer 0.487 / 0.700 (see the test below).
    internal const double MinRecallAt10 = 0.90;
    internal const double MinMeanReciprocalRank = 0.80;

    [Fact]
    public void The_relevance_set_is_large_enough_to_mean_something()
    {
        Assert.True(DanishRelevanceSet.Documents.Count >= 30);
        Assert.True(DanishRelevanceSet.Queries.Count >= 20);
        var ids = DanishRelevanceSet.Documents.Select(document => document.Id).ToHashSet();
        Assert.Equal(DanishRelevanceSet.Documents.Count, ids.Count);
        Assert.All(DanishRelevanceSet.Queries, query => Assert.All(query.Relevant, id => Assert.Contains(id, ids)));
    }

    [Fact]
    public void Danish_queries_find_the_relevant_documents_near_the_top()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        var (recall, mrr, report) = Evaluate(index);

        output.WriteLine(report);
        Assert.True(recall >= MinRecallAt10 && mrr >= MinMeanReciprocalRank, report);
    }

    // The thresholds must be able to fail: Lucene's own DanishAnalyzer (stemming and stop words, no
    // å/æ/ø normalisation, compounds or synonyms) on the same set has to fall below them.
    [Fact]
    public void Lucenes_stock_Danish_analyzer_falls_below_the_thresholds()
    {
        using var stock = new SearchTestIndex(DanishRelevanceSet.Documents,
            new LuceneDanishAnalyzer(LuceneVersion.LUCENE_48), new LuceneDanishAnalyzer(LuceneVersion.LUCENE_48));

        var (recall, _, report) = Evaluate(stock);

        output.WriteLine(report);
        Assert.True(recall < MinRecallAt10, report);
    }

    private static (double RecallAt10, double MeanReciprocalRank, string Report) Evaluate(SearchTestIndex index)
    {
        var results = DanishRelevanceSet.Queries.Select(query => Measure(query, index.Search(query.Text, 10))).ToArray();
        var recall = results.Average(result => result.RecallAt10);
        var mrr = results.Average(result => result.ReciprocalRank);
        return (recall, mrr, Report(results, recall, mrr));
    }

    private static QueryResult Measure(RelevanceQuery query, IReadOnlyList<string> hits)
    {
        var found = hits.Count(query.Relevant.Contains);
        var firstRelevant = hits.Select((id, rank) => (id, rank)).FirstOrDefault(hit => query.Relevant.Contains(hit.id));
        var reciprocalRank = firstRelevant.id is null ? 0 : 1.0 / (firstRelevant.rank + 1);
        // Recall is measured against what fits on the page: a query with more than 10 relevant documents
        // is not penalised for the page size.
        return new QueryResult(query, hits, (double)found / Math.Min(query.Relevant.Length, 10), reciprocalRank);
    }

    private static string Report(IEnumerable<QueryResult> results, double recall, double mrr)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"recall@10 = {recall:F3} (min {MinRecallAt10}), MRR = {mrr:F3} (min {MinMeanReciprocalRank})");
        foreach (var result in results)
        {
            var missing = result.Query.Relevant.Except(result.Hits);
            text.AppendLine(culture,
                $"{result.Query.Text,-34} recall {result.RecallAt10:F2} RR {result.ReciprocalRank:F2}  hits [{string.Join(' ', result.Hits)}]  missing [{string.Join(' ', missing)}]  ({result.Query.Covers})");
        }

        return text.ToString();
    }

    private sealed record QueryResult(RelevanceQuery Query, IReadOnlyList<string> Hits, double RecallAt10, double ReciprocalRank);
}
