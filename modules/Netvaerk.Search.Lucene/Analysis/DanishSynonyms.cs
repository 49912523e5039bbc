using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// The Danish domain thesaurus (<c>danish-synonyms.txt</c>) plus a tenant's own lines, applied to queries.
/// </summary>
/// <remarks>
/// Lines use Solr's format (<c>a, b, c</c> and <c>a, b =&gt; c</c>). Departure: unlike Solr's "=&gt;", the
/// typed word is always kept next to its synonyms, so a phrase or an exclusion still means what was typed.
///
/// Departure: a synonym of several words comes out of the SynonymFilter as one token holding its words
/// separated by <see cref="PhraseSeparator"/>, spanning the words it replaces (PositionLength). Lucene 4.8 would
/// otherwise lay the words of every multi-word synonym over the following positions, and "sparring" →
/// "kollegial rådgivning" could no longer be told apart from "kollegial sparring"; <see cref="QueryText"/>
/// turns such a token into a phrase query. A generic consumer (Lucene's QueryParser) sees it as a term that
/// matches nothing, while the one-word synonyms still work there.
/// </remarks>
public static class DanishSynonyms
{
    /// <summary>Separates the words of a multi-word synonym inside one token.</summary>
    public const char PhraseSeparator = ' ';

    /// <summary>The token type SynonymFilter gives to the synonyms it adds.</summary>
    public const string SynonymTokenType = SynonymFilter.TYPE_SYNONYM;

    private static readonly Lazy<string> s_defaultLines = new(() => EmbeddedText.Read("danish-synonyms.txt"));
    private static readonly Lazy<HashSet<string>> s_stopWordAcronyms = new(() => EmbeddedText.ContentLines(s_defaultLines.Value)
        .SelectMany(line => line.Text.Split(',', '=', '>').Select(entry => entry.Trim()))
        .Where(entry => entry.Length >= 2 && entry.All(char.IsUpper) && DanishAnalyzer.StopWords.Contains(entry.ToLowerInvariant()))
        .ToHashSet(StringComparer.Ordinal));
    private static readonly Lazy<SynonymMap> s_defaultMap = new(() => Build(s_defaultLines.Value, extraLines: null));
    private static readonly Lazy<HashSet<string>> s_indexedPhrases = new(ShippedPhrases);
    private static readonly Lazy<Dictionary<string, string[]>> s_phraseFirstWords = new(() => s_indexedPhrases.Value
        .Select(phrase => phrase.Split(PhraseSeparator))
        .GroupBy(words => words[1], words => words[0], StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal));

    /// <summary>
    /// The query analyzer: the Danish chain without decompounding, with the shipped thesaurus and
    /// <paramref name="extraSynonyms"/> (a tenant's lines, same format). Build it once per tenant.
    /// </summary>
    /// <exception cref="ArgumentException">A line of <paramref name="extraSynonyms"/> cannot be read.</exception>
    public static Analyzer CreateQueryAnalyzer(string? extraSynonyms) =>
        DanishAnalyzer.ForQuery(string.IsNullOrWhiteSpace(extraSynonyms)
            ? s_defaultMap.Value
            : Build(s_defaultLines.Value, extraSynonyms));

    /// <summary>
    /// The shipped thesaurus's phrases of two words ("kollegial sparring"), as analysed words joined by <see cref="PhraseSeparator"/>.
    /// The Danish index holds each occurrence of one as a single term of that text (<see cref="CachedWordAnalysis"/>),
    /// so a query finds it with a term query instead of checking word positions in every document that has both words.
    /// A tenant's own phrases are not in the index and are searched as phrases.
    /// </summary>
    public static IReadOnlySet<string> IndexedPhrases => s_indexedPhrases.Value;

    /// <summary>The first words of the <see cref="IndexedPhrases"/>, by their second word.</summary>
    internal static IReadOnlyDictionary<string, string[]> IndexedPhraseFirstWords => s_phraseFirstWords.Value;

    /// <summary>The shipped thesaurus's acronyms that are stop words in lower case ("MED"), as written: see <see cref="StopWordAcronyms"/>.</summary>
    internal static IReadOnlySet<string> StopWordAcronyms => s_stopWordAcronyms.Value;

    /// <summary>The number of thesaurus lines shipped with the module.</summary>
    public static int DefaultLineCount => EmbeddedText.ContentLines(s_defaultLines.Value).Count();

    private static SynonymMap Build(string defaultLines, string? extraLines)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        using var analyzer = DanishAnalyzer.ForSynonymEntries();
        Add(builder, analyzer, defaultLines, source: "danish-synonyms.txt");
        if (extraLines is not null)
        {
            Add(builder, analyzer, extraLines, source: "the tenant's synonyms");
        }

        return builder.Build();
    }

    private static void Add(SynonymMap.Builder builder, Analyzer analyzer, string text, string source)
    {
        foreach (var (inputs, outputs) in Lines(analyzer, text, source))
        {
            foreach (var input in inputs)
            {
                foreach (var output in outputs)
                {
                    if (!input.SequenceEqual(output))
                    {
                        builder.Add(SynonymMap.Builder.Join(input, new CharsRef()),
                            new CharsRef(string.Join(PhraseSeparator, output)), includeOrig: true);
                    }
                }
            }
        }
    }

    // Each line's entries as analysed words: what is searched, and what it also searches.
    private static IEnumerable<(string[][] Inputs, string[][] Outputs)> Lines(Analyzer analyzer, string text, string source)
    {
        foreach (var (number, line) in EmbeddedText.ContentLines(text))
        {
            var (inputs, outputs) = ParseLine(line, number, source);
            var inputWords = inputs.Select(entry => Analyze(analyzer, entry, line, number, source)).ToArray();
            yield return (inputWords, outputs is null
                ? inputWords
                : outputs.Select(entry => Analyze(analyzer, entry, line, number, source)).ToArray());
        }
    }

    // The shipped thesaurus's entries of two words, analysed (normalised and stemmed) and joined by PhraseSeparator.
    private static HashSet<string> ShippedPhrases()
    {
        using var analyzer = DanishAnalyzer.ForSynonymEntries();
        return Lines(analyzer, s_defaultLines.Value, source: "danish-synonyms.txt")
            .SelectMany(line => line.Inputs.Concat(line.Outputs))
            .Where(words => words.Length == 2)
            .Select(words => string.Join(PhraseSeparator, words))
            .ToHashSet(StringComparer.Ordinal);
    }

    // "a, b, c" → inputs a, b, c mapped to each other; "a, b => c" → a and b mapped to c.
    private static (string[] Inputs, string[]? Outputs) ParseLine(string line, int number, string source)
    {
        var sides = line.Split("=>");
        if (sides.Length > 2)
        {
            throw new SynonymLineException(source, number, line, "it has more than one '=>'",
                "Linje {0} (»{1}«) har mere end ét »=>«. Skriv synonymer som »a, b, c« eller »a, b => c«, én gruppe pr. linje.");
        }

        var inputs = SplitEntries(sides[0]);
        if (sides.Length == 2)
        {
            var outputs = SplitEntries(sides[1]);
            if (inputs.Length == 0 || outputs.Length == 0)
            {
                throw new SynonymLineException(source, number, line, "one side of '=>' is empty",
                    "Linje {0} (»{1}«) mangler ord på den ene side af »=>«. Skriv synonymer som »a, b, c« eller »a, b => c«, én gruppe pr. linje.");
            }

            return (inputs, outputs);
        }

        if (inputs.Length < 2)
        {
            throw new SynonymLineException(source, number, line, "it has only one word; separate two or more with commas",
                "Linje {0} (»{1}«) har kun ét ord. Skriv to eller flere ord, der betyder det samme, adskilt af komma.");
        }

        return (inputs, null);
    }

    // Splits on commas, except "\," which is a literal comma.
    private static string[] SplitEntries(string side)
    {
        var entries = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < side.Length; i++)
        {
            if (side[i] == '\\' && i + 1 < side.Length)
            {
                current.Append(side[++i]);
            }
            else if (side[i] == ',')
            {
                entries.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(side[i]);
            }
        }

        entries.Add(current.ToString());
        return entries.Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToArray();
    }

    private static string[] Analyze(Analyzer analyzer, string entry, string line, int number, string source)
    {
        var words = AnalyzerTerms.Of(analyzer, string.Empty, entry);
        return words.Count > 0
            ? words.ToArray()
            : throw new SynonymLineException(source, number, line, $"'{entry}' contains no searchable word",
                "Linje {0} (»{1}«): »{2}« indeholder intet ord, der kan søges på. Fjern det, eller skriv et andet ord.", entry);
    }
}
