using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>The snippet of a hit: the best passages of its body with the matched words in &lt;mark&gt;,
/// everything else HTML-escaped, so a page can show it as it is.</summary>
internal sealed class Snippets
{
    private const int FragmentSize = 160;
    private const int MaxFragments = 2;
    private const string Separator = " … ";

    // Long documents are highlighted within their first part; a match further down still gets the opening as snippet.
    private const int MaxCharsToAnalyze = 20_000;

    private readonly Highlighter? _highlighter;
    private readonly Analyzer _analyzer;

    /// <param name="query">The query that found the hits; null (browsing) gives the opening of each body.</param>
    public Snippets(Query? query, Analyzer indexAnalyzer)
    {
        _analyzer = indexAnalyzer;
        if (query is not null and not MatchAllDocsQuery)
        {
            // QueryTermScorer, not QueryScorer: QueryScorer builds an in-memory index of every hit to check
            // phrase positions, which cost more than the whole search. A phrase's words are marked one by one.
            var scorer = new QueryTermScorer(query, SearchFieldNames.Body);
            _highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), scorer)
            {
                TextFragmenter = new SimpleFragmenter(FragmentSize),
                MaxDocCharsToAnalyze = MaxCharsToAnalyze,
            };
        }
    }

    public string For(string body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return "";
        }

        if (_highlighter is not null)
        {
            try
            {
                using var tokens = _analyzer.GetTokenStream(SearchFieldNames.Body, body);
                var fragments = _highlighter.GetBestFragments(tokens, body, MaxFragments, Separator);
                if (!string.IsNullOrWhiteSpace(fragments))
                {
                    return OneLine(fragments);
                }
            }
            catch (InvalidTokenOffsetsException)
            {
                // An analyzer that reports offsets outside the text: the opening is still a fine snippet.
            }
        }

        return Opening(body);
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

    /// <summary>Escapes what HTML gives meaning to and nothing else: Lucene's SimpleHTMLEncoder would also turn
    /// every æ, ø and å into a character reference, which the JSON API would then carry.</summary>
    internal sealed class HtmlTextEncoder : IEncoder
    {
        public string EncodeText(string originalText) => Escape(originalText);

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
