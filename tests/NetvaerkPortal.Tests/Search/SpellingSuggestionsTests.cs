using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

public sealed class SpellingSuggestionsTests
{
    [Fact]
    public void A_misspelt_word_is_replaced_by_the_closest_indexed_word()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Empty(index.Search("tilidsrepresentant"));
        Assert.Equal("tillidsrepræsentant lønforhandling", Suggest(index, "tilidsrepresentant lønforhandling"));
    }

    [Fact]
    public void The_suggestion_keeps_the_ending_that_was_typed()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Equal("casegiveren \"fire faser\" -video", Suggest(index, "kasegiweren \"fire faser\" -video"));
    }

    [Fact]
    public void Two_edits_are_the_limit()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Equal("casegiv", SpellingSuggestions.ClosestTerm(index.Reader, "body", "kasegiw"));
        Assert.Null(SpellingSuggestions.ClosestTerm(index.Reader, "body", "kasegiwr"));
    }

    [Fact]
    public void Words_of_five_letters_or_fewer_allow_one_edit()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Equal("tillid", SpellingSuggestions.ClosestTerm(index.Reader, "body", "tilid"));
        Assert.Null(SpellingSuggestions.ClosestTerm(index.Reader, "body", "tilii"));
    }

    [Fact]
    public void A_query_whose_words_all_match_gets_no_suggestion()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Null(Suggest(index, "sparring TR moede"));
        Assert.Null(SpellingSuggestions.ClosestTerm(index.Reader, "body", "sparring"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("tilidsrepresentant <b>")]
    [InlineData("!!! ??? ...")]
    [InlineData("kasegiwer=1")]
    public void Markup_or_punctuation_gets_no_suggestion(string text)
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);

        Assert.Null(Suggest(index, text));
    }

    [Fact]
    public void A_suggestion_kept_from_an_earlier_search_still_respects_what_the_next_reader_may_see()
    {
        using var index = SearchTestIndex.Danish(DanishRelevanceSet.Documents);
        var query = QueryText.Parse("tilidsrepresentant");

        var seesAll = SpellingSuggestions.ForQuery(query, index.Reader, index.QueryAnalyzer, SearchTestIndex.Fields, isVisible: _ => true);
        var seesNothing = SpellingSuggestions.ForQuery(query, index.Reader, index.QueryAnalyzer, SearchTestIndex.Fields, isVisible: _ => false);
        var seesAllAgain = SpellingSuggestions.ForQuery(query, index.Reader, index.QueryAnalyzer, SearchTestIndex.Fields, isVisible: _ => true);

        Assert.Equal("tillidsrepræsentant", seesAll);
        Assert.Null(seesNothing);
        Assert.Equal(seesAll, seesAllAgain);
    }

    private static string? Suggest(SearchTestIndex index, string text) =>
        SpellingSuggestions.ForQuery(QueryText.Parse(text), index.Reader, index.QueryAnalyzer, SearchTestIndex.Fields);
}
