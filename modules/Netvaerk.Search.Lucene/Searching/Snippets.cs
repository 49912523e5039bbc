using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>The snippet of a hit: up to two passages of its body around the words the query matched, those
/// words in &lt;mark&gt;, everything else HTML-escaped, so a page can show it as it is.</summary>
/// <remarks>
/// A word is marked when one of the terms the index made of it is one of the query's body terms, so "møde"
/// marks "netværksmødet" and "Møderne"; a phrase's words are marked one by one. The passages with the most
/// different query terms win, the earlier on a tie. Written instead of Lucene's Highlighter, which ran every
/// body through the whole analyzer again and scored fixed fragments: that cost more than the search itself.
/// The Danish index's words come from the same cache the indexing fills (<see cref="DanishWords"/>).
/// </remarks>
internal sealed class Snippets
{
    private const int FragmentSize = 160;
    private const int MaxFragments = 2;
    private const string Separator = " … ";

    // Context shown before a passage's first match, at most.
    private const int Lead = 50;

    // Long documents are looked through within their first part; a match further down still gets the opening as snippet.
    private const int MaxCharsToScan = 20_000;

    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);
    private readonly IndexedWords _words;

    /// <param name="query">The query that found the hits; null (browsing) gives the opening of each body.</param>
    /// <param name="words">The words of a body as the index saw them.</param>
    public Snippets(Query? query, IndexedWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (query is not null)
        {
            var terms = new HashSet<Term>();
            query.ExtractTerms(terms);
            foreach (var term in terms.Where(term => term.Field == SearchFieldNames.Body))
            {
                _terms.UnionWith(term.Text.Split(DanishSynonyms.PhraseSeparator));
            }
        }

        _words = words;
    }

    public string For(string body) => Of(body).Html;

    /// <summary>The snippet, and whether it is the body's opening because none of the query's words is in the body
    /// (a document found by its title or tags only), so a page can say so.</summary>
    public Snippet Of(string body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return new Snippet("", FromOpening: _terms.Count > 0);
        }

        var matches = _terms.Count == 0 ? [] : Matches(body);
        return matches.Count == 0 ? new Snippet(Opening(body), FromOpening: _terms.Count > 0) : new Snippet(Passages(body, matches), FromOpening: false);
    }

    // The query's words in the body, in order; Term is the query term a word matched, so a word repeated counts once.
    private List<Match> Matches(string body)
    {
        var matches = new List<Match>();
        foreach (var word in _words.In(body, MaxCharsToScan))
        {
            foreach (var term in word.Terms)
            {
                if (_terms.Contains(term))
                {
                    matches.Add(new Match(word.Start, word.End, term));
                    break;
                }
            }
        }

        return matches;
    }

    private static string Passages(string body, List<Match> matches)
    {
        var candidates = matches.Select(match => PassageAround(body, matches, match)).ToList();
        var chosen = new List<Passage>(MaxFragments);
        foreach (var candidate in candidates.OrderByDescending(passage => passage.Score).ThenBy(passage => passage.Start))
        {
            if (chosen.Count == MaxFragments)
            {
                break;
            }

            if (chosen.TrueForAll(other => candidate.End <= other.Start || candidate.Start >= other.End))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var text = new StringBuilder(FragmentSize * MaxFragments + 64);
        if (chosen[0].Start > 0)
        {
            text.Append('…');
        }

        for (var n = 0; n < chosen.Count; n++)
        {
            if (n > 0)
            {
                text.Append(Separator);
            }

            var passage = chosen[n];
            var position = passage.Start;
            foreach (var match in matches.Where(match => match.Start >= passage.Start && match.End <= passage.End))
            {
                text.Append(HtmlTextEncoder.Escape(body[position..match.Start])).Append("<mark>")
                    .Append(HtmlTextEncoder.Escape(body[match.Start..match.End])).Append("</mark>");
                position = match.End;
            }

            text.Append(HtmlTextEncoder.Escape(body[position..passage.End]));
        }

        if (chosen[^1].End < body.Length)
        {
            text.Append('…');
        }

        return OneLine(text.ToString());
    }

    // A passage of about FragmentSize characters that shows `first` with a little context before it, beginning
    // at a sentence or word and ending at a word; its score is the number of different query terms in it.
    private static Passage PassageAround(string body, List<Match> matches, Match first)
    {
        var at = first.Start;
        var start = 0;
        if (at > Lead)
        {
            var sentence = body.AsSpan(at - Lead, Lead).LastIndexOfAny(".!?\n");
            var space = body.AsSpan(at - Lead, Lead).IndexOf(' ');
            start = at - Lead + (sentence >= 0 ? sentence + 1 : space >= 0 ? space + 1 : Lead);
            while (start < at && char.IsWhiteSpace(body[start]))
            {
                start++;
            }
        }

        var end = Math.Max(first.End, Math.Min(body.Length, start + FragmentSize));
        if (end < body.Length && end > first.End && body.LastIndexOf(' ', end - 1, end - first.End) is var lastSpace and >= 0)
        {
            end = lastSpace;
        }

        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (match.Start >= start && match.End <= end)
            {
                terms.Add(match.Term);
            }
        }

        return new Passage(start, end, terms.Count);
    }

    private static string Opening(string body)
    {
        if (body.Length <= FragmentSize)
        {
            return OneLine(HtmlTextEncoder.Escape(body));
        }

        var cut = body.LastIndexOf(' ', FragmentSize);
        return OneLine(HtmlTextEncoder.Escape(body[..(cut > FragmentSize / 2 ? cut : FragmentSize)])) + "…";
    }

    // The body keeps its paragraphs as line breaks; a snippet is one run of text.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private readonly record struct Match(int Start, int End, string Term);

    /// <param name="Html">The snippet as HTML.</param>
    /// <param name="FromOpening">True when a query found the document but none of its words is in the body.</param>
    internal readonly record struct Snippet(string Html, bool FromOpening);

    private readonly record struct Passage(int Start, int End, int Score);

    /// <summary>Escapes what HTML gives meaning to and nothing else: Lucene's SimpleHTMLEncoder would also turn
    /// every æ, ø and å into a character reference, which the JSON API would then carry.</summary>
    internal static class HtmlTextEncoder
    {
        public static string Escape(string text)
        {
            if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            {
                return text;
            }

            var escaped = new StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                _ = c switch
                {
                    '&' => escaped.Append("&amp;"),
                    '<' => escaped.Append("&lt;"),
                    '>' => escaped.Append("&gt;"),
                    '"' => escaped.Append("&quot;"),
                    '\'' => escaped.Append("&#39;"),
                    _ => escaped.Append(c),
                };
            }

            return escaped.ToString();
        }
    }
}
