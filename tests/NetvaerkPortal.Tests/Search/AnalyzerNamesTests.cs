using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

public sealed class AnalyzerNamesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("danish")]
    [InlineData(" Danish ")]
    public void Danish_is_the_default(string? name) =>
        Assert.IsType<DanishAnalyzer>(AnalyzerNames.CreateIndexAnalyzer(name));

    [Fact]
    public void English_resolves_to_Lucenes_English_analyzer() =>
        Assert.IsType<EnglishAnalyzer>(Assert.IsType<FieldValuesApart>(AnalyzerNames.CreateIndexAnalyzer("english")).Inner);

    [Theory]
    [InlineData("standard")]
    [InlineData("standardanalyzer")]
    [InlineData("StandardAnalyzer")]
    public void Orchard_Cores_standard_analyzer_name_is_understood(string name) =>
        Assert.IsType<StandardAnalyzer>(Assert.IsType<FieldValuesApart>(AnalyzerNames.CreateIndexAnalyzer(name)).Inner);

    [Fact]
    public void The_Danish_query_analyzer_expands_synonyms_while_english_queries_analyse_as_indexed()
    {
        Assert.Contains("chef", AnalyzerTokens.Terms(AnalyzerNames.CreateQueryAnalyzer("danish"), "leder"));
        Assert.Equal(["leader"], AnalyzerTokens.Terms(AnalyzerNames.CreateQueryAnalyzer("english"), "leaders"));
    }

    [Fact]
    public void An_unknown_name_is_rejected_with_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => AnalyzerNames.CreateIndexAnalyzer("swedish"));

        Assert.Contains("'swedish'", error.Message, StringComparison.Ordinal);
        Assert.All(AnalyzerNames.All, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }
}
