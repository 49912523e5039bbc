using System.Collections.Concurrent;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// The terms the Danish index chain makes of one lowercased word (normalised, decompounded with the shipped
/// parts list or not, stemmed), remembered. Those filters look at one word at a time, so a word always gives
/// the same terms; decompounding tries every substring of every word, and words repeat (Zipf), so remembering
/// them made indexing and highlighting several times faster.
/// </summary>
internal sealed class DanishWords
{
    // Bounded, so an index of random strings cannot grow it without end; past it, words are analysed uncached.
    private const int MaxCachedWords = 500_000;

    private static readonly Lazy<DanishWords> s_withCompoundList = new(() => new(DanishAnalyzer.ForOneWord(compoundList: true)));
    private static readonly Lazy<DanishWords> s_withoutCompoundList = new(() => new(DanishAnalyzer.ForOneWord(compoundList: false)));

    private readonly ConcurrentDictionary<string, string[]> _cache = new(StringComparer.Ordinal);
    private readonly DanishAnalyzer _chain;

    private DanishWords(DanishAnalyzer chain) => _chain = chain;

    /// <summary>Words split with the shipped parts list (danish-compound-parts.txt) as well: what the portal indexes.</summary>
    public static DanishWords WithCompoundList => s_withCompoundList.Value;

    /// <summary>Words only normalised and stemmed: compounds are then found at query time alone (CompoundExpansion).</summary>
    public static DanishWords WithoutCompoundList => s_withoutCompoundList.Value;

    /// <summary>The terms of one lowercased word, in order: its own stem first, then its parts; none for a stop word.</summary>
    public string[] Terms(string word)
    {
        if (_cache.TryGetValue(word, out var terms))
        {
            return terms;
        }

        terms = [.. AnalyzerTerms.Of(_chain, string.Empty, word)];
        if (_cache.Count < MaxCachedWords)
        {
            _cache.TryAdd(word, terms);
        }

        return terms;
    }
}
