using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

public sealed class DanishSynonymsTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Query = DanishSynonyms.CreateQueryAnalyzer(extraSynonyms: null);

    [Fact]
    public void The_shipped_thesaurus_has_about_forty_lines() =>
        Assert.InRange(DanishSynonyms.DefaultLineCount, 40, 80);

    [Fact]
    public void An_abbreviation_is_searched_with_the_full_word()
    {
        var tokens = AnalyzerTokens.Tokens(Query, "TR");

        Assert.Contains(tokens, token => token.Term == "tillidsrepræsentant" && token.Type == DanishSynonyms.SynonymTokenType);
        Assert.Contains(tokens, token => token.Term == "tr" && token.Type != DanishSynonyms.SynonymTokenType);
    }

    [Fact]
    public void Synonyms_apply_to_every_inflection() =>
        Assert.Contains("chef", AnalyzerTokens.Terms(Query, "lederne"));

    [Fact]
    public void A_multi_word_synonym_is_one_token_holding_the_phrase() =>
        Assert.Contains("kollegial rådgivning", AnalyzerTokens.Terms(Query, "sparring"));

    [Fact]
    public void Typed_words_matching_a_multi_word_entry_get_a_synonym_spanning_them()
    {
        var tokens = AnalyzerTokens.Tokens(Query, "kollegial sparring");

        var synonym = Assert.Single(tokens, token => token.Term == "sparring" && token.Type == DanishSynonyms.SynonymTokenType);
        Assert.Equal(0, synonym.Position);
        Assert.Equal(2, synonym.Length);
    }

    [Fact]
    public void A_tenants_lines_are_added_to_the_shipped_ones()
    {
        var analyzer = DanishSynonyms.CreateQueryAnalyzer("netværk, erfa-gruppe\nHMU => hovedudvalg");

        Assert.Contains("erfa grup", AnalyzerTokens.Terms(analyzer, "netværk"));
        Assert.Contains("hovedudvalg", AnalyzerTokens.Terms(analyzer, "HMU"));
        Assert.DoesNotContain("hmu", AnalyzerTokens.Terms(analyzer, "hovedudvalg"));
        Assert.Contains("chef", AnalyzerTokens.Terms(analyzer, "leder"));
    }

    [Theory]
    [InlineData("tovholder")]
    [InlineData("a => b => c")]
    [InlineData(" => chef")]
    [InlineData("leder, !!!")]
    public void A_tenant_line_that_cannot_be_read_is_rejected_with_its_line_number(string badLine)
    {
        var error = Assert.Throws<SynonymLineException>(() => DanishSynonyms.CreateQueryAnalyzer($"# egne synonymer\n{badLine}"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a, b, c'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(badLine.Trim(), error.Line);
        Assert.StartsWith("Linje {0} (»{1}«)", error.Problem, StringComparison.Ordinal);
    }
}
