using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
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
    private static readonly Lazy<SynonymMap> s_defaultMap = new(() => Build(s_defaultLines.Value, extraLines: null));

    /// <summary>
    /// The query analyzer: the Danish chain without decompounding, with the shipped thesaurus and
    /// <paramref name="extraSynonyms"/> (a tenant's lines, same format). Build it once per tenant.
    /// </summary>
    /// <exception cref="ArgumentException">A line of <paramref name="extraSynonyms"/> cannot be read.</exception>
    public static Analyzer CreateQueryAnalyzer(string? extraSynonyms) =>
        DanishAnalyzer.ForQuery(string.IsNullOrWhiteSpace(extraSynonyms)
            ? s_defaultMap.Value
            : Build(s_defaultLines.Value, extraSynonyms));

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
        foreach (var (number, line) in EmbeddedText.ContentLines(text))
        {
            var (inputs, outputs) = ParseLine(line, number, source);
            var inputWords = inputs.Select(entry => Analyze(analyzer, entry, line, number, source)).ToArray();
            var outputWords = outputs is null
                ? inputWords
                : outputs.Select(entry => Analyze(analyzer, entry, line, number, source)).ToArray();
            foreach (var input in inputWords)
            {
                foreach (var output in outputWords)
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

    // "a, b, c" → inputs a, b, c mapped to each other; "a, b => c" → a and b mapped to c.
    private static (string[] Inputs, string[]? Outputs) ParseLine(string line, int number, string source)
    {
        var sides = line.Split("=>");
        if (sides.Length > 2)
        {
            throw LineError(source, number, line, "it has more than one '=>'");
        }

        var inputs = SplitEntries(sides[0]);
        if (sides.Length == 2)
        {
            var outputs = SplitEntries(sides[1]);
            if (inputs.Length == 0 || outputs.Length == 0)
            {
                throw LineError(source, number, line, "one side of '=>' is empty");
            }

            return (inputs, outputs);
        }

        if (inputs.Length < 2)
        {
            throw LineError(source, number, line, "it has only one word; separate two or more with commas");
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
        var words = new List<string>();
        using (var stream = analyzer.GetTokenStream(string.Empty, entry))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                words.Add(term.ToString());
            }

            stream.End();
        }

        return words.Count > 0
            ? words.ToArray()
            : throw LineError(source, number, line, $"'{entry}' contains no searchable word");
    }

    private static ArgumentException LineError(string source, int number, string line, string problem) =>
        new($"Synonym line {number} of {source} (\"{line}\") cannot be used: {problem}. " +
            "Write synonyms as 'a, b, c' or 'a, b => c', one group a line.");
}
