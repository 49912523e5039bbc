using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// Reads the spellings of å, æ and ø as those letters, so "moede" finds "møde" and "raadgivning" finds
/// "rådgivning".
/// </summary>
/// <remarks>
/// ScandinavianNormalizationFilter, not ScandinavianFoldingFilter: normalisation maps aa/ao → å,
/// ae/ä → æ, oe/oo/ö → ø and keeps the Danish letters, so the Danish stemmer, the stop words and the
/// compound dictionary still see real Danish words. Folding goes the other way (å → a, æ → a, ø → o) and
/// merges different words: "møde" (meeting) with "mode" (fashion), "får" with "far", "ære" with "are".
///
/// Normalisation also reads a digraph that spans a word boundary as one letter: "temaer" would become
/// "temær" and no longer stem to "tema", "dataanalyse" would become "datånalyse" and lose its part
/// "analyse". So before normalising, a guard character is put between the two letters when the first one
/// ends a known word (tema|er, kollega|er, data|analyse, video|opkald), and taken out afterwards.
/// </remarks>
internal static class DanishLetters
{
    private const char Guard = '\uE000';

    public static TokenStream Normalize(TokenStream stream) =>
        new UnguardFilter(new ScandinavianNormalizationFilter(new GuardFilter(stream, DanishCompoundParts.WordsEndingInAOrO)));

    // Normalises one lowercase word outside a token stream (the word list itself).
    internal static string Normalize(string word, CharArraySet boundaryWords)
    {
        using var stream = new UnguardFilter(new ScandinavianNormalizationFilter(new GuardFilter(
            new KeywordTokenizer(new StringReader(word)), boundaryWords)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var normalized = stream.IncrementToken() ? term.ToString() : word;
        stream.End();
        return normalized;
    }

    private static bool IsDigraph(char first, char second) =>
        (first is 'a' && second is 'a' or 'e' or 'o') || (first is 'o' && second is 'e' or 'o');

    private sealed class GuardFilter(TokenStream input, CharArraySet boundaryWords) : TokenFilter(input)
    {
        // Known words are at least this long, so "mo|ede" and "ra|adgivning" are never guarded.
        private const int MinKnownWordLength = 4;
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = _term.Buffer;
            var length = _term.Length;
            System.Text.StringBuilder? guarded = null;
            var copied = 0;
            for (var i = MinKnownWordLength - 1; i < length - 1; i++)
            {
                if (IsDigraph(buffer[i], buffer[i + 1]) && EndsWithKnownWord(buffer, i + 1))
                {
                    guarded ??= new System.Text.StringBuilder(length + 2);
                    guarded.Append(buffer, copied, i + 1 - copied).Append(Guard);
                    copied = i + 1;
                }
            }

            if (guarded is not null)
            {
                guarded.Append(buffer, copied, length - copied);
                _term.SetEmpty().Append(guarded.ToString());
            }

            return true;
        }

        private bool EndsWithKnownWord(char[] buffer, int end)
        {
            for (var start = end - MinKnownWordLength; start >= 0; start--)
            {
                if (boundaryWords.Contains(buffer, start, end - start))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class UnguardFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = _term.Buffer;
            var kept = 0;
            for (var i = 0; i < _term.Length; i++)
            {
                if (buffer[i] != Guard)
                {
                    buffer[kept++] = buffer[i];
                }
            }

            _term.Length = kept;
            return true;
        }
    }
}
