using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The word cache in DanishAnalyzer's index chain changes nothing: the same terms, positions,
/// offsets and types as the plain filter chain, stop-word gaps included.</summary>
public sealed class CachedWordAnalysisTests
{
    [Fact]
    public void The_cached_index_chain_emits_exactly_what_the_plain_chain_emits()
    {
        var texts = DanishRelevanceSet.Documents.SelectMany(document => new[] { document.Title, document.Body })
            .Append("Netværksmødet og mødelederen i ledernetværket: sparringsmodellen, arbejdsmiljørepræsentanten og temaer. Og i at.")
            .ToList();

        foreach (var text in texts)
        {
            var plain = Tokens(new PlainIndexChain(), text);
            // Twice: the second pass reads every word from the cache.
            Assert.Equal(plain, Tokens(new DanishAnalyzer(), text));
            Assert.Equal(plain, Tokens(new DanishAnalyzer(), text));
        }
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using (analyzer)
        {
            using var stream = analyzer.GetTokenStream("body", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term}/{increment.PositionIncrement}/{offset.StartOffset}-{offset.EndOffset}/{type.Type}");
            }

            stream.End();
            tokens.Add($"end/{increment.PositionIncrement}/{offset.EndOffset}");
        }

        return tokens;
    }

    // DanishAnalyzer's index chain as it was before the cache: every filter over the whole stream.
    private sealed class PlainIndexChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var version = LuceneVersion.LUCENE_48;
            var source = new StandardTokenizer(version, reader);
            TokenStream stream = new LowerCaseFilter(version, source);
            stream = DanishLetters.Normalize(stream);
            stream = new StopFilter(version, stream, Lucene.Net.Analysis.Da.DanishAnalyzer.DefaultStopSet);
            stream = new DictionaryCompoundWordTokenFilter(version, stream, DanishCompoundParts.Dictionary, 5, 3, 25, onlyLongestMatch: false);
            stream = new SnowballFilter(stream, new DanishStemmer());
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
