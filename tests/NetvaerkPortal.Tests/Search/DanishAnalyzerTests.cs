using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

public sealed class DanishAnalyzerTests
{
    private static readonly DanishAnalyzer Index = new();
    private static readonly DanishAnalyzer Query = DanishAnalyzer.ForQuery(synonyms: null);

    [Theory]
    [InlineData("moede", "møde")]
    [InlineData("raadgivning", "rådgivning")]
    [InlineData("tillidsrepraesentanten", "tillidsrepræsentanten")]
    [InlineData("Möde", "møde")]
    [InlineData("Aarhus", "Århus")]
    public void Transliterated_letters_analyse_like_å_æ_ø(string transliterated, string danish) =>
        Assert.Equal(AnalyzerTokens.Terms(Query, danish), AnalyzerTokens.Terms(Query, transliterated));

    [Fact]
    public void Folding_is_not_used_so_møde_and_mode_stay_different_words() =>
        Assert.NotEqual(AnalyzerTokens.Terms(Query, "møde"), AnalyzerTokens.Terms(Query, "mode"));

    [Theory]
    [InlineData("temaer", "tema")]
    [InlineData("kollegaer", "kollega")]
    [InlineData("dilemmaerne", "dilemma")]
    public void Plural_aer_of_a_words_is_not_read_as_æ(string plural, string singular) =>
        Assert.Equal(AnalyzerTokens.Terms(Query, singular), AnalyzerTokens.Terms(Query, plural));

    [Theory]
    [InlineData("møde", "mødet", "møder", "møderne")]
    [InlineData("leder", "lederen", "ledere", "lederne")]
    [InlineData("tillidsrepræsentant", "tillidsrepræsentanten", "tillidsrepræsentanter", "tillidsrepræsentanterne")]
    [InlineData("evaluering", "evalueringen", "evalueringer", "evalueringerne")]
    public void Inflections_share_one_stem(params string[] forms)
    {
        var stems = forms.Select(form => Assert.Single(AnalyzerTokens.Terms(Query, form))).Distinct();
        Assert.Single(stems);
    }

    [Theory]
    [InlineData("netværksmødet", "møde")]
    [InlineData("netværksmødet", "netværk")]
    [InlineData("ledernetværket", "leder")]
    [InlineData("sparringsmodellen", "sparring")]
    [InlineData("sparringsmodellen", "model")]
    [InlineData("tillidsrepræsentanten", "tillid")]
    [InlineData("tillidsrepræsentanten", "repræsentant")]
    [InlineData("samarbejdsudvalget", "samarbejde")]
    [InlineData("arbejdsmiljøet", "miljø")]
    [InlineData("børnehaven", "børn")]
    [InlineData("netvaerksmoedet", "møde")]
    public void Compounds_are_indexed_with_their_parts(string compound, string part)
    {
        var partStem = Assert.Single(AnalyzerTokens.Terms(Query, part));
        Assert.Contains(partStem, AnalyzerTokens.Terms(Index, compound));
    }

    [Fact]
    public void Parts_sit_at_the_position_of_the_compound_which_is_kept()
    {
        var tokens = AnalyzerTokens.Tokens(Index, "efter netværksmødet i dag");

        Assert.Equal(["netværksmød", "netværk", "mød", "dag"], tokens.Select(token => token.Term));
        Assert.Equal([0, 0, 0, 2], tokens.Select(token => token.Position - tokens[0].Position));
    }

    [Fact]
    public void Queries_are_not_decompounded() =>
        Assert.Equal(["netværksmød"], AnalyzerTokens.Terms(Query, "netværksmødet"));

    [Fact]
    public void A_word_that_is_itself_a_part_is_indexed_once() =>
        Assert.Equal(["led"], AnalyzerTokens.Terms(Index, "lederen"));

    [Theory]
    [InlineData("og i på det")]
    [InlineData("paa")]
    public void Stop_words_are_removed_also_when_transliterated(string text) =>
        Assert.Empty(AnalyzerTokens.Terms(Index, text));

    [Fact]
    public void The_word_list_has_a_few_hundred_distinct_words_and_no_stop_words()
    {
        var words = DanishCompoundParts.Words;

        Assert.InRange(words.Count, 250, 500);
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.DoesNotContain(words, word => DanishAnalyzer.StopWords.Contains(word));
        Assert.All(words, word => Assert.True(word.Length >= 3, $"'{word}' is shorter than a compound part may be."));
    }
}
