using Xunit.Abstractions;

namespace NetvaerkPortal.Tests.Search;

/// <summary>
/// Compounds are found without depending on the shipped parts list: on both relevance sets the queries about
/// compounds keep their recall when the index is built without danish-compound-parts.txt, because query words
/// also search the indexed compounds that begin or end with them (CompoundExpansion).
/// </summary>
public sealed class CompoundAblationTests(ITestOutputHelper output)
{
    internal const double MinCompoundRecall = 0.90;

    public static TheoryData<string, bool> SetsWithAndWithoutTheList => new()
    {
        { "first", true },
        { "first", false },
        { "held-out", true },
        { "held-out", false },
    };

    [Theory]
    [MemberData(nameof(SetsWithAndWithoutTheList))]
    public void Compound_queries_find_their_documents_with_and_without_the_shipped_parts_list(string set, bool withList)
    {
        var (documents, queries) = Set(set);
        using var index = withList ? SearchTestIndex.Danish(documents) : SearchTestIndex.DanishWithoutCompoundList(documents);

        var (recall, _, report) = RelevanceMeasure.Evaluate(queries, index);

        output.WriteLine(report);
        Assert.True(recall >= MinCompoundRecall, report);
    }

    // The ablation can fail: without the list and without query-time decompounding, the compound queries lose their documents.
    [Theory]
    [InlineData("first")]
    [InlineData("held-out")]
    public void Without_the_list_and_without_query_time_decompounding_compound_recall_collapses(string set)
    {
        var (documents, queries) = Set(set);
        using var index = SearchTestIndex.DanishWithoutCompoundList(documents);

        var (recall, _, report) = RelevanceMeasure.Evaluate(queries, index, compounds: false);

        output.WriteLine(report);
        Assert.True(recall < MinCompoundRecall, report);
    }

    // The queries whose judgements rest on compounds, as each query says what it covers.
    private static (IReadOnlyList<RelevanceDocument> Documents, IReadOnlyList<RelevanceQuery> CompoundQueries) Set(string name)
    {
        var (documents, queries) = name == "first"
            ? (DanishRelevanceSet.Documents, DanishRelevanceSet.Queries)
            : (DanishHeldOutSet.Documents, DanishHeldOutSet.Queries);
        return (documents, queries.Where(query => query.Covers.Contains("compound", StringComparison.OrdinalIgnoreCase)).ToList());
    }
}
