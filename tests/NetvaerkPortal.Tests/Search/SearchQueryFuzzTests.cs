using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>
/// Property tests of what a user types into the search box: random strings, unbalanced quotes, a lone '-',
/// markup, control characters, lone surrogates and 100 KB pastes. The parser, the analysed query and a whole
/// search always give a result (never an exception), and none takes longer than a second.
/// </summary>
public sealed class SearchQueryFuzzTests : IDisposable
{
    // A hang guard, not a speed target: a search box must never be a way to keep a server core busy.
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _indexAnalyzer = AnalyzerNames.CreateIndexAnalyzer(AnalyzerNames.Danish);
    private readonly DirectoryReader _reader;

    public SearchQueryFuzzTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(DanishAnalyzer.Version, _indexAnalyzer)))
        {
            var items = new[]
            {
                TestItems.Create("Case", "Kollegial sparring i netværket", "Vi mødes hver sjette uge og giver sparring.", tags: ["sparring", "møder"]),
                TestItems.Create("KnowledgeArticle", "<script>alert(1)</script> **Markdown** [link](javascript:x)", "# Overskrift\n\n> citat\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                TestItems.Create("MeetingNote", "Referat \ud800 med en ensom surrogat", "Tekst med \u0000 kontroltegn \u0007 og \u202e omvendt.", network: "netvaerk-a", visibility: "Network"),
                TestItems.Create("Network", "Ledernetværket", IndexDamage.Text(1), visibility: "Tenant"),
            };
            foreach (var item in items)
            {
                item.Published = true;
                writer.AddDocument(SearchDocuments.Build(item, TestItems.ItemVisibility));
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    /// <summary>Text as typed or pasted: query syntax, markup, control characters, surrogates, Danish words, and 100 KB pastes.</summary>
    public static Gen<string> Typed { get; } = Gen.OneOf(
        Gen.Char["-\"*:()[]{}^~!?\\/|&,;+ \t\n\r\0\u0001\u007f\u200b\u202e\ud800\udc00æøåÆØÅ<>=%#'`aeiknrst"].Array[0, 60].Select(chars => new string(chars)),
        Gen.Char['\0', '\uffff'].Array[0, 60].Select(chars => new string(chars)),
        Gen.OneOf(IndexDamage.Vocabulary.Concat(["-", "\"", "--", "-\"", "\"\"", "*", "AND", "OR", "NOT", "title:", "<b>", "&amp;", "\ud800", "\udc00"]).ToArray())
            .Array[0, 12].Select(words => string.Join(' ', words)),
        Gen.OneOf(Gen.Const("\""), Gen.Const("-"), Gen.Const("-\""), Gen.Const("a"), Gen.Const("\"møde netværk"), Gen.Const("<p>"), Gen.Const("\ud800"))
            .Select(fragment => string.Concat(Enumerable.Repeat(fragment, 100_000 / fragment.Length + 1))[..100_000]));

    [Fact]
    public void Any_text_parses_into_words_phrases_and_exclusions_within_their_limits() =>
        Typed.Sample(text =>
        {
            var (query, time) = Timed(() => QueryText.Parse(text));

            Assert.True(time < MaxTime, $"parsing took {time.TotalMilliseconds:F0} ms");
            Assert.InRange(query.Words.Count, 0, QueryText.MaxWords);
            Assert.InRange(query.Phrases.Count, 0, QueryText.MaxPhrases);
            Assert.InRange(query.Excluded.Count, 0, QueryText.MaxExcluded);
            Assert.All(query.Words.Concat(query.Phrases).Concat(query.Excluded), part => Assert.False(string.IsNullOrWhiteSpace(part)));
            Assert.All(query.Words, word => Assert.False(word.StartsWith('-')));
        }, iter: 1_000, threads: 1);

    [Theory]
    [InlineData(AnalyzerNames.Danish)]
    [InlineData(AnalyzerNames.English)]
    [InlineData(AnalyzerNames.Standard)]
    public void Any_text_becomes_a_query_for_every_analyzer(string analyzerName)
    {
        using var analyzer = AnalyzerNames.CreateQueryAnalyzer(analyzerName, "MED, medudvalg\nAMR => arbejdsmiljørepræsentant");
        Typed.Sample(text =>
        {
            var (query, time) = Timed(() =>
            {
                var parsed = QueryText.Parse(text);
                _ = parsed.ToTermGroups(analyzer, SearchFieldNames.Body);
                _ = QueryText.Parse(parsed.ToDisplayString());
                return parsed.ToQuery(analyzer, IndexQuery.MatchFields);
            });

            Assert.True(time < MaxTime, $"analysing took {time.TotalMilliseconds:F0} ms");
            Assert.NotNull(query);
        }, iter: 300, threads: 1);
    }

    [Theory]
    [InlineData("x-", AnalyzerNames.Standard)]
    [InlineData("æ=", AnalyzerNames.Danish)]
    [InlineData("q@", AnalyzerNames.English)]
    public void A_word_that_analyses_into_thousands_of_tokens_stays_under_the_clause_limit(string fragment, string analyzerName)
    {
        // One "word" to the parser ("x-x-x-…"), thousands of tokens to the analyzer: once a TooManyClausesException.
        using var analyzer = AnalyzerNames.CreateQueryAnalyzer(analyzerName);
        var text = string.Concat(Enumerable.Repeat(fragment, 50_000));

        var query = QueryText.Parse(text).ToQuery(analyzer, IndexQuery.MatchFields);

        Assert.True(query.ToString().Length < 100_000);
    }

    [Fact]
    public void Any_request_is_answered_by_a_search_of_the_index()
    {
        var searcher = new IndexSearcher(_reader);
        using var queryAnalyzer = AnalyzerNames.CreateQueryAnalyzer(AnalyzerNames.Danish);
        var value = Gen.OneOf(Typed.Select(text => (string?)text), Gen.OneOf<string?>(null, "Case", "netvaerk-a", "sparring", "møder"));
        var number = Gen.OneOf(Gen.OneOf<string?>(null, "0", "-1", "3", "51"), Gen.Int.Select(n => (string?)n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Typed.Select(text => (string?)text));
        var readers = Gen.OneOf<IReadOnlyList<string>?>(null, ["public"], ["public", "tenant", "network:netvaerk-a"]);
        Gen.Select(value, value, value, value, number, number, value, readers).Sample((q, type, network, tag, page, pageSize, sort, readerTerms) =>
        {
            var request = SearchRequest.FromQueryString(q, type, network, tag, page, pageSize, sort);
            var (results, time) = Timed(() => IndexQuery.Run(searcher, queryAnalyzer, _indexAnalyzer, request, readerTerms, (id, path) => path ?? id));

            Assert.True(time < MaxTime, $"searching took {time.TotalMilliseconds:F0} ms");
            Assert.InRange(results.Total, 0, 4);
            Assert.True(results.Hits.Count <= request.PageSize);
            // The API writes it as JSON: a lone surrogate from the index or the query must not break that.
            Assert.False(string.IsNullOrEmpty(JsonSerializer.Serialize(results)));
        }, iter: 500, threads: 1);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _indexAnalyzer.Dispose();
        _directory.Dispose();
    }

    private static (T Result, TimeSpan Time) Timed<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        return (result, watch.Elapsed);
    }
}
