using Lucene.Net.Analysis.Util;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// The words DictionaryCompoundWordTokenFilter looks for inside longer words, read once from
/// <c>danish-compound-parts.txt</c>.
/// </summary>
/// <remarks>
/// The Danish linking letters need no rule of their own: the filter tries every position of a word, so
/// in "netværks|møde", "sparrings|model" and "børn|e|have" the linking -s- or -e- is simply the letter
/// between two parts it finds. The one case it cannot handle, a first part that drops its -e before the
/// -s- (arbejde → arbejdsmiljø), is covered by listing the combining form ("arbejds").
/// </remarks>
internal static class DanishCompoundParts
{
    private static readonly Lazy<Parts> s_parts = new(Load);

    /// <summary>The parts, normalised like the indexed text (aa → å, ...).</summary>
    public static CharArraySet Dictionary => s_parts.Value.Dictionary;

    /// <summary>Listed words ending in a or o: after them, "ae", "aa", "oe" is a word boundary, not a letter.</summary>
    public static CharArraySet WordsEndingInAOrO => s_parts.Value.WordsEndingInAOrO;

    public static IReadOnlyList<string> Words => s_parts.Value.Words;

    private static Parts Load()
    {
        var words = EmbeddedText.ContentLines(EmbeddedText.Read("danish-compound-parts.txt"))
            .Select(line => line.Text.ToLowerInvariant())
            .Distinct()
            .ToArray();
        var endingInAOrO = new CharArraySet(DanishAnalyzer.Version,
            words.Where(word => word.EndsWith('a') || word.EndsWith('o')).ToArray(), ignoreCase: false);
        var normalized = words.Select(word => DanishLetters.Normalize(word, endingInAOrO)).ToArray();
        return new Parts(words, new CharArraySet(DanishAnalyzer.Version, normalized, ignoreCase: false), endingInAOrO);
    }

    private sealed record Parts(IReadOnlyList<string> Words, CharArraySet Dictionary, CharArraySet WordsEndingInAOrO);
}
