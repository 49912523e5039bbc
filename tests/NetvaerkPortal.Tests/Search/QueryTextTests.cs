using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

public sealed class QueryTextTests
{
    private static readonly RelevanceDocument[] Documents =
    [
        new("sparring", "Sparring i netværket", "Vi giver hinanden kollegial sparring på konkrete sager."),
        new("raad", "Kollegial rådgivning", "Kollegial rådgivning følger faste faser."),
        new("video", "Sparring over video", "Når vi ikke kan mødes, holder vi sparringen på video."),
        new("kantine", "Kantinens menu", "Mandag serveres suppe."),
        new("moede", "Netværksmødet i maj", "Tovholderen indkaldte til netværksmødet."),
    ];

    [Fact]
    public void Quotes_make_a_phrase_and_a_minus_excludes()
    {
        var query = QueryText.Parse("sparring \"kollegial rådgivning\" -video -\"over tid\"");

        Assert.Equal(["sparring"], query.Words);
        Assert.Equal(["kollegial rådgivning"], query.Phrases);
        Assert.Equal(["video", "over tid"], query.Excluded);
    }

    [Theory]
    [InlineData("\"kollegial sparring", new[] { "kollegial", "sparring" })]
    [InlineData("sparring -", new[] { "sparring" })]
    [InlineData("spar* title:møde (leder", new[] { "spar", "title", "møde", "leder" })]
    [InlineData("e-mail", new[] { "e-mail" })]
    [InlineData("", new string[0])]
    public void Malformed_syntax_is_read_as_plain_words(string text, string[] words)
    {
        var query = QueryText.Parse(text);

        Assert.Equal(words, query.Words);
        Assert.Empty(query.Phrases);
        Assert.Empty(query.Excluded);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData(":")]
    [InlineData("(")]
    [InlineData("\"\"")]
    [InlineData("- - -\" ( ) * : ~ ^ \\")]
    [InlineData("og i på")]
    [InlineData("AND OR NOT")]
    [InlineData("\u0000\u200b")]
    public void Any_input_searches_without_throwing(string text)
    {
        using var index = SearchTestIndex.Danish(Documents);

        var hits = index.Search(text);

        Assert.NotNull(hits);
    }

    [Fact]
    public void Malformed_query_still_finds_by_its_words()
    {
        using var index = SearchTestIndex.Danish(Documents);

        Assert.Contains("moede", index.Search("\"netværksmødet (tovholder*"));
    }

    [Fact]
    public void A_phrase_matches_only_words_in_that_order()
    {
        using var index = SearchTestIndex.Danish(Documents);

        Assert.Equal(["raad"], index.Search("\"kollegial rådgivning\""));
        Assert.Empty(index.Search("\"rådgivning kollegial\""));
    }

    [Fact]
    public void An_excluded_word_removes_documents_also_in_its_inflected_form()
    {
        using var index = SearchTestIndex.Danish(Documents);

        var hits = index.Search("sparring -videoen");

        Assert.Contains("sparring", hits);
        Assert.DoesNotContain("video", hits);
    }

    [Fact]
    public void Only_exclusions_means_everything_else()
    {
        using var index = SearchTestIndex.Danish(Documents);

        var hits = index.Search("-kantine");

        Assert.Equal(Documents.Length - 1, hits.Count);
        Assert.DoesNotContain("kantine", hits);
    }

    [Fact]
    public void Both_words_of_a_two_word_query_must_match()
    {
        using var index = SearchTestIndex.Danish(Documents);

        Assert.Equal(["video"], index.Search("sparring video"));
    }

    [Fact]
    public void A_synonym_phrase_matches_as_a_phrase_not_as_loose_words()
    {
        using var index = SearchTestIndex.Danish(Documents);

        // "sparring" also means "kollegial rådgivning", so the rådgivning document is found ...
        Assert.Contains("raad", index.Search("sparring"));
        // ... but "rådgivning kollegial" in reverse order is no synonym of anything.
        using var reversed = SearchTestIndex.Danish([new("omvendt", "Rådgivning", "rådgivning er kollegial")]);
        Assert.Empty(reversed.Search("sparring"));
    }

    [Fact]
    public void The_typed_word_ranks_above_its_synonym()
    {
        using var index = SearchTestIndex.Danish(
        [
            new("chef", "Chefens rolle", "Chefen sætter rammerne."),
            new("leder", "Lederens rolle", "Lederen sætter rammerne."),
        ]);

        Assert.Equal(["leder", "chef"], index.Search("leder"));
        Assert.Equal(["chef", "leder"], index.Search("chef"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(8, 6)]
    public void Long_queries_tolerate_a_quarter_of_their_words_missing(int words, int required) =>
        Assert.Equal(required, AnalyzedQuery.MinimumWordsToMatch(words));

    [Fact]
    public void A_very_long_query_is_cut_instead_of_failing()
    {
        using var index = SearchTestIndex.Danish(Documents);
        var pasted = string.Join(' ', Enumerable.Repeat("sparring netværk møde leder", 500));

        Assert.Equal(QueryText.MaxWords, QueryText.Parse(pasted).Words.Count);
        Assert.NotNull(index.Search(pasted));
    }
}
