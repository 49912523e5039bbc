using System.Globalization;
using System.Text;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Recall@10 and mean reciprocal rank of a relevance set's queries, with a line per query saying what was missed.</summary>
public static class RelevanceMeasure
{
    public static (double RecallAt10, double MeanReciprocalRank, string Report) Evaluate(IReadOnlyList<RelevanceQuery> queries, SearchTestIndex index,
        bool compounds = true) =>
        Evaluate(queries, query => index.Search(query.Text, 10, compounds));

    public static (double RecallAt10, double MeanReciprocalRank, string Report) Evaluate(IReadOnlyList<RelevanceQuery> queries,
        Func<RelevanceQuery, IReadOnlyList<string>> search)
    {
        var results = queries.Select(query => Measure(query, search(query))).ToArray();
        var recall = results.Average(result => result.RecallAt10);
        var mrr = results.Average(result => result.ReciprocalRank);
        return (recall, mrr, Report(results, recall, mrr));
    }

    private static QueryResult Measure(RelevanceQuery query, IReadOnlyList<string> hits)
    {
        hits = hits.Take(10).ToArray();
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
        text.AppendLine(culture, $"recall@10 = {recall:F3} (min {DanishRelevanceTests.MinRecallAt10}), MRR = {mrr:F3} (min {DanishRelevanceTests.MinMeanReciprocalRank})");
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
