using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// What a user typed in the search box: words, "quoted phrases" and -excluded words.
/// Anything else (unbalanced quotes, a lone '-', '*', ':', '(') is read as plain words: parsing never fails.
/// </summary>
public sealed class QueryText
{
    // A search box gets pasted paragraphs; past these counts the rest is ignored, which also keeps the
    // Lucene query well under BooleanQuery's clause limit.
    internal const int MaxWords = 32;
    internal const int MaxPhrases = 8;
    internal const int MaxExcluded = 16;

    // The characters read at all: a 100 KB paste costs no more than a paragraph.
    internal const int MaxLength = 1_000;

    private QueryText(IReadOnlyList<string> words, IReadOnlyList<string> phrases, IReadOnlyList<string> excluded)
    {
        Words = words;
        Phrases = phrases;
        Excluded = excluded;
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Words and phrases after a '-': a matching document is left out.</summary>
    public IReadOnlyList<string> Excluded { get; }

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0 && Excluded.Count == 0;

    public static QueryText Parse(string? text)
    {
        var words = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var i = 0;
        while (i < text.Length)
        {
            var negated = text[i] == '-';
            var start = negated ? i + 1 : i;
            if (start < text.Length && text[start] == '"' && text.IndexOf('"', start + 1) is var close and > 0)
            {
                var phrase = text[(start + 1)..close].Trim();
                if (phrase.Length > 0)
                {
                    (negated ? excluded : phrases).Add(phrase);
                }

                i = close + 1;
                continue;
            }

            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            var end = start;
            while (end < text.Length && !IsSeparator(text[end]))
            {
                end++;
            }

            // A lone '-' or "--" is nothing to exclude; a quote with no partner counts as a separator.
            var word = text[start..end].TrimStart('-');
            if (word.Length > 0)
            {
                (negated ? excluded : words).Add(word);
            }

            i = Math.Max(end, start + 1);
        }

        return new QueryText(
            words.Take(MaxWords).ToArray(),
            phrases.Take(MaxPhrases).ToArray(),
            excluded.Take(MaxExcluded).ToArray());
    }

    /// <summary>
    /// The Lucene query: phrases must match, excluded words and phrases must not, and the words follow
    /// <see cref="AnalyzedQuery.MinimumWordsToMatch"/>.
    /// </summary>
    public Query ToQuery(Analyzer analyzer, IReadOnlyList<SearchField> fields) =>
        AnalyzedQuery.Build(this, analyzer, fields);

    /// <summary>As <see cref="ToQuery(Analyzer, IReadOnlyList{SearchField})"/>, each typed word also searching the
    /// indexed compounds that begin or end with it.</summary>
    /// <param name="anyWord">Documents with any of the words match, those with more of them ranked first.</param>
    internal Query ToQuery(Analyzer analyzer, IReadOnlyList<SearchField> fields, CompoundExpansion? compounds, bool anyWord = false) =>
        AnalyzedQuery.Build(this, analyzer, fields, compounds, anyWord);

    /// <summary>
    /// What each typed word (with its synonyms) and each quoted phrase is found by, as analysed terms:
    /// a group is found when all terms of one of its alternatives are. Exclusions are left out.
    /// </summary>
    public IReadOnlyList<string[][]> ToTermGroups(Analyzer analyzer, string field) =>
        AnalyzedQuery.TermGroups(this, analyzer, field);

    /// <summary>As <see cref="ToTermGroups(Analyzer, string)"/>, with the compounds each typed word also searches.</summary>
    internal IReadOnlyList<string[][]> ToTermGroups(Analyzer analyzer, string field, CompoundExpansion? compounds) =>
        AnalyzedQuery.TermGroups(this, analyzer, field, compounds);

    /// <summary>The query as it could be typed again: what "Mente du …?" shows, with words swapped.</summary>
    public string ToDisplayString(IReadOnlyDictionary<string, string>? replacedWords = null)
    {
        var parts = Words.Select(word => replacedWords is not null && replacedWords.TryGetValue(word, out var other) ? other : word)
            .Concat(Phrases.Select(phrase => $"\"{phrase}\""))
            .Concat(Excluded.Select(word => word.Contains(' ', StringComparison.Ordinal) ? $"-\"{word}\"" : $"-{word}"));
        return string.Join(' ', parts);
    }

    // Query syntax other engines give meaning to is read as a space here, so it never breaks a search.
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '+' or '!' or '(' or ')' or '{' or '}' or '[' or ']'
            or '^' or '~' or '*' or '?' or ':' or '\\' or '/' or '|' or '&' or ',' or ';';

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("words=[").AppendJoin(", ", Words).Append("] phrases=[").AppendJoin(", ", Phrases)
            .Append("] excluded=[").AppendJoin(", ", Excluded).Append(']');
        return text.ToString();
    }
}
