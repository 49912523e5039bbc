using System.Text.Json;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>No empty page for a reasonable query: when too few documents have every word, those with some of the
/// words follow them, most words first, and the results say so.</summary>
public sealed class PartialMatchTests
{
    [Fact]
    public void A_two_word_query_whose_one_word_only_a_compound_has_returns_partial_matches_below_the_full_match()
    {
        var full = TestItems.Create("Case", "Hjemmebesøg", "Sundhedsplejersken bestiller tolkebistand til besøget.");
        var onlyCompoundWord = TestItems.Create("Case", "Tolkebistand i jobcentret", "Jobcentret bestiller tolkebistand til samtaler.");
        var onlyOtherWord = TestItems.Create("Case", "Sundhedsplejersken flytter", "Sundhedsplejersken har fået nyt kontor på rådhuset.");
        var neither = TestItems.Create("Case", "Kantinen", "Menuen i uge 12.");

        var results = IndexQueryTests.Search([onlyCompoundWord, onlyOtherWord, full, neither], "tolk sundhedsplejerske");

        Assert.True(results.PartialMatch);
        Assert.Equal(3, results.Total);
        Assert.Equal(full.ContentItemId, results.Hits[0].ContentItemId);
        Assert.Equal(new[] { onlyCompoundWord.ContentItemId, onlyOtherWord.ContentItemId }.Order(), results.Hits.Skip(1).Select(hit => hit.ContentItemId).Order());
    }

    [Fact]
    public void A_query_no_document_has_every_word_of_still_finds_those_with_some_ranked_by_how_many()
    {
        var two = TestItems.Create("Case", "Vintervagt", "Chaufførerne går vintervagt og rydder sne på cykelstierne.");
        var one = TestItems.Create("Case", "Cykelstier", "Der er faldet sne på cykelstierne.");

        var results = IndexQueryTests.Search([one, two], "vintervagt sne skoleveje");

        Assert.True(results.PartialMatch);
        Assert.Equal([two.ContentItemId, one.ContentItemId], results.Hits.Select(hit => hit.ContentItemId));
    }

    [Fact]
    public void Enough_documents_with_every_word_show_no_partial_ones()
    {
        var items = Enumerable.Range(1, IndexQuery.FewHits)
            .Select(i => TestItems.Create("Case", $"Referat {i}", "Tolkebistand ved hjemmebesøg hos sundhedsplejersken."))
            .Append(TestItems.Create("Case", "Sundhedsplejersken flytter", "Nyt kontor."))
            .ToList();

        var results = IndexQueryTests.Search(items, "tolk sundhedsplejerske");

        Assert.False(results.PartialMatch);
        Assert.Equal(IndexQuery.FewHits, results.Total);
    }

    [Fact]
    public void A_one_word_query_is_never_partial()
    {
        var results = IndexQueryTests.Search([TestItems.Create("Case", "Kantinen", "Menuen i uge 12.")], "tolk");

        Assert.False(results.PartialMatch);
        Assert.Equal(0, results.Total);
    }

    [Fact]
    public void The_api_says_partialMatch_only_when_it_is()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.Contains("\"partialMatch\":true", JsonSerializer.Serialize(SearchResults.Empty with { PartialMatch = true }, options), StringComparison.Ordinal);
        Assert.DoesNotContain("partialMatch", JsonSerializer.Serialize(SearchResults.Empty, options), StringComparison.Ordinal);
    }
}
