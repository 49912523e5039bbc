using Xunit.Abstractions;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The relevance sets through the real path: items written with ContentManager, indexed from the
/// indexing log, searched through SearchService (title, tags and body, visibility filter, facets).</summary>
public sealed class DanishRelevanceServiceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_relevance_set_meets_its_thresholds_through_the_search_service()
    {
        var (recall, reciprocalRank, report) = await MeasureAsync(DanishRelevanceSet.Documents, DanishRelevanceSet.Queries);

        output.WriteLine(report);
        Assert.True(recall >= DanishRelevanceTests.MinRecallAt10, $"recall@10 {recall:F3}");
        Assert.True(reciprocalRank >= DanishRelevanceTests.MinMeanReciprocalRank, $"MRR {reciprocalRank:F3}");
    }

    [Fact]
    public async Task The_held_out_set_meets_the_same_thresholds_through_the_search_service()
    {
        var (recall, reciprocalRank, report) = await MeasureAsync(DanishHeldOutSet.Documents, DanishHeldOutSet.Queries);

        output.WriteLine(report);
        Assert.True(recall >= DanishRelevanceTests.MinRecallAt10, report);
        Assert.True(reciprocalRank >= DanishRelevanceTests.MinMeanReciprocalRank, report);
    }

    private static async Task<(double RecallAt10, double MeanReciprocalRank, string Report)> MeasureAsync(
        IReadOnlyList<RelevanceDocument> documents, IReadOnlyList<RelevanceQuery> queries)
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Relevans");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var item = await site.PublishAsync(tenant, Item("KnowledgeArticle", document.Title, document.Body));
            ids[item.ContentItemId] = document.Id;
        }

        await site.CatchUpAsync(tenant);

        var hits = new Dictionary<RelevanceQuery, IReadOnlyList<string>>();
        foreach (var query in queries)
        {
            hits[query] = (await site.SearchAsync(tenant, Anonymous, query.Text)).Hits.Select(hit => ids[hit.ContentItemId]).ToList();
        }

        return RelevanceMeasure.Evaluate(queries, query => hits[query]);
    }
}
