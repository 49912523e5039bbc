using Lucene.Net.Analysis;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// The words of a text with the terms the index made of each (normalised, decompounded, stemmed), found
/// without running the whole analyzer over the text: a run of letters and digits is a word, and the Danish
/// analyzer's per-word cache (<see cref="DanishWords"/>) gives its terms. Used for the few texts a
/// search shows (snippets, titles of the best hits).
/// </summary>
internal sealed class IndexedWords
{
    // Longer runs of letters (ids, pasted links) are never words anybody searched for.
    private const int MaxWordLength = 64;

    private readonly Func<string, string[]> _terms;
    private readonly char[] _lower = new char[MaxWordLength];

    public IndexedWords(Analyzer indexAnalyzer)
    {
        ArgumentNullException.ThrowIfNull(indexAnalyzer);
        _terms = indexAnalyzer is DanishAnalyzer danish ? danish.Words.Terms : new WordTermsOf(indexAnalyzer).Terms;
    }

    /// <summary>The words that start within the first <paramref name="maxChars"/> characters, in order.</summary>
    public IEnumerable<IndexedWord> In(string text, int maxChars = int.MaxValue)
    {
        var end = Math.Min(text.Length, maxChars);
        var i = 0;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i - start <= MaxWordLength)
            {
                var length = ToLower(text.AsSpan(start, i - start), _lower);
                yield return new IndexedWord(start, i, _terms(new string(_lower, 0, length)));
            }
        }
    }

    /// <summary>Lowercases a word as <see cref="MemoryExtensions.ToLowerInvariant"/> does; the letters of Danish text
    /// (ASCII and Latin-1) without a call into ICU per word, which was a twentieth of a search's time.</summary>
    internal static int ToLower(ReadOnlySpan<char> word, Span<char> lower)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c > 'ÿ')
            {
                return word.ToLowerInvariant(lower); // beyond Latin-1 (Greek, Cyrillic, surrogate pairs): the runtime's rules
            }

            lower[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                >= 'À' and <= 'Þ' when c != '×' => (char)(c + 32),
                _ => c,
            };
        }

        return word.Length;
    }

    /// <summary>The terms another analyzer (English, standard) makes of one lowercased word, remembered for one search.</summary>
    private sealed class WordTermsOf(Analyzer analyzer)
    {
        private readonly Dictionary<string, string[]> _seen = new(StringComparer.Ordinal);

        public string[] Terms(string word)
        {
            if (_seen.TryGetValue(word, out var terms))
            {
                return terms;
            }

            return _seen[word] = [.. AnalyzerTerms.Of(analyzer, SearchFieldNames.Body, word)];
        }
    }
}

/// <param name="Start">Where the word starts in the text.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Terms">The terms the index made of it; none for a stop word.</param>
internal readonly record struct IndexedWord(int Start, int End, string[] Terms);
