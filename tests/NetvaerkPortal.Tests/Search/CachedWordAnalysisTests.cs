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
/// offsets and types as the plain filter chain, stop-word gaps included; it only adds the thesaurus phrases.</summary>
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
            Assert.Equal(plain, WithoutPhrases(Tokens(new DanishAnalyzer(), text)));
            Assert.Equal(plain, WithoutPhrases(Tokens(new DanishAnalyzer(), text)));
        }
    }

    [Theory]
    [InlineData("Vi bruger kollegial sparring hver uge.", "kollegial sparring/0/20-28/<ALPHANUM>")]
    [InlineData("Kollegiale sparringsmøder virker.", "kollegial sparring/0/11-25/<ALPHANUM>")]
    [InlineData("Et selvstyrende netværk af ledere.", "selvstyr netværk/0/16-23/<ALPHANUM>")]
    [InlineData("Ny lokalaftale og HR-afdeling.", "hr afdeling/0/21-29/<ALPHANUM>")]
    public void A_thesaurus_phrase_is_one_more_term_at_its_last_word(string text, string expected)
    {
        var tokens = Tokens(new DanishAnalyzer(), text);

        Assert.Contains(expected, tokens);
        Assert.Single(tokens, token => token.Contains(' ', StringComparison.Ordinal));
    }

    // As a phrase query would not match them: a stop word between the words, or the other order.
    [Theory]
    [InlineData("Kollegial og sparring.")]
    [InlineData("Sparring er kollegial.")]
    [InlineData("Sparring, kollegial.")]
    public void Words_that_do_not_stand_as_the_phrase_give_no_phrase_term(string text)
    {
        Assert.DoesNotContain(Tokens(new DanishAnalyzer(), text), token => token.Split('/')[0].Contains(' ', StringComparison.Ordinal));
    }

    private static List<string> WithoutPhrases(List<string> tokens) =>
        tokens.Where(token => !token.Split('/')[0].Contains(' ', StringComparison.Ordinal)).ToList();

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
