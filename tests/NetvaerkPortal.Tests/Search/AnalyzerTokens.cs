using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NetvaerkPortal.Tests.Search;

internal static class AnalyzerTokens
{
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text, string field = "body") =>
        Tokens(analyzer, text, field).Select(token => token.Term).ToArray();

    public static IReadOnlyList<(string Term, int Position, int Length, string Type)> Tokens(Analyzer analyzer, string text, string field = "body")
    {
        var tokens = new List<(string, int, int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position, length.PositionLength, type.Type));
        }

        stream.End();
        return tokens;
    }
}
