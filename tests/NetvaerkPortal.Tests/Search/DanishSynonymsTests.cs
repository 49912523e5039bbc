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
        var analyzer = DanishSynonyms.CreateQueryAnalyzer("netværk, erfa-gruppe\nBUF => børneforvaltning");

        Assert.Contains("erfa grup", AnalyzerTokens.Terms(analyzer, "netværk"));
        Assert.Contains("børneforvaltning", AnalyzerTokens.Terms(analyzer, "BUF"));
        Assert.DoesNotContain("buf", AnalyzerTokens.Terms(analyzer, "børneforvaltning"));
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

    [Theory]
    [InlineData("MUS", "Årets medarbejderudviklingssamtaler holdes i januar")]
    [InlineData("LUS", "Lederudviklingssamtalen med din chef")]
    [InlineData("SSA", "Social- og sundhedsassistenterne får et tillæg")]
    [InlineData("Kommunernes Landsforening", "Nyt fra KL om affald")]
    [InlineData("KL", "Kommunernes Landsforening foreslår færre regler")]
    [InlineData("APV", "Arbejdspladsvurderingen er klar")]
    [InlineData("AMO", "Arbejdsmiljøorganisationen mødes")]
    public void An_acronym_finds_its_spelled_out_form_and_back(string query, string text)
    {
        using var index = SearchTestIndex.Danish([new("a", "", text), new("b", "", "Kantinens menu i uge 12")]);

        Assert.Equal(["a"], index.Search(query));
    }

    [Fact]
    public void An_acronym_that_is_a_stop_word_counts_in_capitals_only()
    {
        using var index = SearchTestIndex.Danish([
            new("committee", "", "Hoved-MED drøftede budgettet"),
            new("spelled", "", "Lokaludvalget for medindflydelse og medbestemmelse"),
            new("with", "", "Vi mødes med ledelsen"),
        ]);

        Assert.Equal(["committee", "spelled"], index.Search("MED").Order());
        Assert.Empty(index.Search("med"));
    }
}
