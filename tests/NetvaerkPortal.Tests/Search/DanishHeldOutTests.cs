using Netvaerk.Search.Lucene.Analysis;
using Xunit.Abstractions;

namespace NetvaerkPortal.Tests.Search;

/// <summary>
/// Measures the Danish search on <see cref="DanishHeldOutSet"/>, the set it was not tuned on, the same way
/// <see cref="DanishRelevanceTests"/> measures the first set.
/// </summary>
public sealed class DanishHeldOutTests(ITestOutputHelper output)
{
    // Measured before issue 13 (compounds only from the shipped parts list, no acronyms beyond the thesaurus's, every
    // word of a two-word query required): recall@10 0.530, MRR 0.716 here, 0.567 / 0.753 through the search service.
    // After: see the tests below and docs/benchmarks.md.
    private const double RecallAfterIssue13 = 0.90;

    [Fact]
    public void The_held_out_set_is_large_enough_to_mean_something()
    {
        Assert.True(DanishHeldOutSet.Documents.Count >= 30);
        Assert.True(DanishHeldOutSet.Queries.Count >= 20);
        var ids = DanishHeldOutSet.Documents.Select(document => document.Id).ToHashSet();
        Assert.Equal(DanishHeldOutSet.Documents.Count, ids.Count);
        Assert.All(DanishHeldOutSet.Queries, query => Assert.All(query.Relevant, id => Assert.Contains(id, ids)));
    }

    // The set is only a test of generalisation while its compound words stay out of the shipped lists.
    [Fact]
    public void Its_compound_words_are_in_neither_shipped_list()
    {
        var stems = DanishAnalyzer.ForQuery(synonyms: null);
        var listed = DanishCompoundParts.Words
            .Concat(EmbeddedText.ContentLines(EmbeddedText.Read("danish-synonyms.txt"))
                .SelectMany(line => line.Text.Split(',', '=', '>', ' ')))
            .Where(word => word.Length > 0)
            .SelectMany(word => AnalyzerTokens.Terms(stems, word))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(DanishHeldOutSet.UnlistedWords, word => Assert.DoesNotContain(Assert.Single(AnalyzerTokens.Terms(stems, word)), listed));
    }

    [Fact]
    public void Held_out_queries_find_the_relevant_documents_near_the_top()
    {
        using var index = SearchTestIndex.Danish(DanishHeldOutSet.Documents);

        var (recall, mrr, report) = RelevanceMeasure.Evaluate(DanishHeldOutSet.Queries, index);

        output.WriteLine(report);
        Assert.True(recall >= DanishRelevanceTests.MinRecallAt10 && mrr >= DanishRelevanceTests.MinMeanReciprocalRank, report);
    }

    // What issue 13 added is what carries the set: without query-time decompounding it falls below the thresholds again.
    [Fact]
    public void Without_query_time_decompounding_the_held_out_set_falls_below_the_thresholds()
    {
        using var index = SearchTestIndex.Danish(DanishHeldOutSet.Documents);

        var (recall, mrr, report) = RelevanceMeasure.Evaluate(DanishHeldOutSet.Queries, index, compounds: false);

        output.WriteLine(report);
        Assert.True(recall < DanishRelevanceTests.MinRecallAt10 || mrr < DanishRelevanceTests.MinMeanReciprocalRank, report);
        Assert.True(recall < RecallAfterIssue13, report);
    }
}
