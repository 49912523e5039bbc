using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>The terms an analyzer makes of a text, in order (positions and types left out).</summary>
internal static class AnalyzerTerms
{
    public static List<string> Of(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>(4);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
