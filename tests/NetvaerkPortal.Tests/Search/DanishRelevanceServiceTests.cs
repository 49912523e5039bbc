using Xunit.Abstractions;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The relevance set through the real path: items written with ContentManager, indexed from the
/// indexing log, searched through SearchService (title, tags and body, visibility filter, facets).</summary>
public sealed class DanishRelevanceServiceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_relevance_set_meets_its_thresholds_through_the_search_service()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Relevans");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in DanishRelevanceSet.Documents)
        {
            var item = await site.PublishAsync(tenant, Item("KnowledgeArticle", document.Title, document.Body));
            ids[item.ContentItemId] = document.Id;
        }

        await site.CatchUpAsync(tenant);

        var recall = 0.0;
        var reciprocalRank = 0.0;
        foreach (var query in DanishRelevanceSet.Queries)
        {
            var hits = (await site.SearchAsync(tenant, Anonymous, query.Text)).Hits.Select(hit => ids[hit.ContentItemId]).ToList();
            var found = hits.Count(query.Relevant.Contains);
            var first = hits.FindIndex(id => query.Relevant.Contains(id));
            recall += (double)found / Math.Min(query.Relevant.Length, 10);
            reciprocalRank += first < 0 ? 0 : 1.0 / (first + 1);
            output.WriteLine($"{query.Text,-34} [{string.Join(' ', hits)}]");
        }

        recall /= DanishRelevanceSet.Queries.Count;
        reciprocalRank /= DanishRelevanceSet.Queries.Count;
        output.WriteLine($"recall@10 = {recall:F3}, MRR = {reciprocalRank:F3}");
        Assert.True(recall >= DanishRelevanceTests.MinRecallAt10, $"recall@10 {recall:F3}");
        Assert.True(reciprocalRank >= DanishRelevanceTests.MinMeanReciprocalRank, $"MRR {reciprocalRank:F3}");
    }
}
