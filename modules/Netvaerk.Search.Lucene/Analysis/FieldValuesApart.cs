using Lucene.Net.Analysis;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// Another analyzer, with a gap of <see cref="Gap"/> positions between the values of one field (the body
/// holds title, tags and text), so no phrase runs from one value into the next. DanishAnalyzer has the gap itself.
/// </summary>
public sealed class FieldValuesApart(Analyzer inner) : AnalyzerWrapper(inner.Strategy)
{
    public const int Gap = 100;

    /// <summary>The analyzer that does the work.</summary>
    public Analyzer Inner { get; } = inner;

    public override int GetPositionIncrementGap(string fieldName) => Gap;

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => Inner;

    // The reversed dictionary of stems serves the Danish analysis's compounds; another language leaves it empty.
    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        fieldName.EndsWith(DanishAnalyzer.ReversedFieldSuffix, StringComparison.Ordinal)
            ? new TokenStreamComponents(components.Tokenizer, new NoTokens(components.TokenStream))
            : components;

    private sealed class NoTokens(TokenStream input) : TokenFilter(input)
    {
        public override bool IncrementToken() => false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
