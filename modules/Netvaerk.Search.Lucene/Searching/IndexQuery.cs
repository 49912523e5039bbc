using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// One search against one index: the reader's visibility filter and the facet filters inside the query,
/// the top hits of the requested page with snippets, facet counts and "Mente du …?" in one pass.
/// A plain class without the host, so the benchmark measures exactly what the portal runs.
/// </summary>
public static class IndexQuery
{
    /// <summary>The field a search matches on: the body, which also holds the title and the tags (SearchDocuments).</summary>
    public static IReadOnlyList<SearchField> MatchFields { get; } = [new(SearchFieldNames.Body)];

    // "Mente du …?" looks in the titles' words first (far fewer than the bodies'), then in the bodies'.
    private static readonly IReadOnlyList<SearchField> SuggestionFields = [new(SearchFieldNames.Title), new(SearchFieldNames.Body)];

    /// <summary>
    /// How many of the best matches (by the body field) are ranked again with their titles weighed in
    /// (<see cref="TitleRanking"/>) before the page is cut: a title match lifts a document that is among
    /// this many by its text.
    /// </summary>
    public const int RankingWindow = 100;

    // The visibility filters of the readers seen lately, each caching its bits per segment: a reader's
    // filter is built once per segment, not once per query.
    private const int MaxCachedFilters = 1_000;
    private static readonly ConcurrentDictionary<string, Filter> VisibilityFilters = new(StringComparer.Ordinal);

    /// <summary>Values per facet in an answer: enough for any page, bounded for the API.</summary>
    public const int MaxFacetValues = 50;

    private static readonly Sort Newest = new(new SortField(SearchFieldNames.Date, SortFieldType.INT64, reverse: true));

    /// <param name="readerTerms">The reader's visibility terms (Visibility.ReaderTerms); null for a reader who may read everything.</param>
    /// <param name="url">The URL of a hit from its id and its stored path (which may be null).</param>
    public static SearchResults Run(IndexSearcher searcher, Analyzer queryAnalyzer, Analyzer indexAnalyzer, SearchRequest request,
        IReadOnlyList<string>? readerTerms, Func<string, string?, string> url)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(url);
        var visibility = VisibilityFilter(readerTerms);
        var filter = Filter(visibility, request);
        var text = QueryText.Parse(request.Query);
        var compounds = indexAnalyzer is DanishAnalyzer danish
            ? new CompoundExpansion(searcher.IndexReader, [SearchFieldNames.Body], SearchFieldNames.BodyReversed, danish.UsesCompoundList)
            : null;
        var search = new Search(searcher, queryAnalyzer, indexAnalyzer, filter, request, url, compounds);
        var results = search.Execute(text);
        if (results.Total == 0 && text.Words.Count > 0)
        {
            // Typo tolerance: a word that matches nothing the reader may read is replaced by its closest indexed
            // term the reader may read, and the search is run again with it.
            var suggestion = SpellingSuggestions.ForQuery(text, searcher.IndexReader, queryAnalyzer, SuggestionFields,
                term => visibility is null || AnyVisible(searcher.IndexReader, term, visibility), compounds);
            if (suggestion is not null && !string.Equals(suggestion, request.Query, StringComparison.OrdinalIgnoreCase)
                && search.Execute(QueryText.Parse(suggestion)) is { Total: > 0 } retry)
            {
                return retry with { DidYouMean = suggestion, ShowsDidYouMean = true };
            }
        }

        return results.Total < FewHits && text.Words.Count > 1 && search.WithAnyWord(text, results.Total) is { } partial ? partial : results;
    }

    /// <summary>
    /// Below this many documents with every word (or the share <see cref="AnalyzedQuery.MinimumWordsToMatch"/> asks
    /// of a longer query), the documents with some of the words follow them, and <see cref="SearchResults.PartialMatch"/> says so.
    /// </summary>
    public const int FewHits = 3;

    /// <summary>The titles of the given items (e.g. networks) that the reader may read.</summary>
    public static IReadOnlyDictionary<string, string> Titles(IndexSearcher searcher, IEnumerable<string> contentItemIds, IReadOnlyList<string>? readerTerms)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var ids = contentItemIds.Distinct(StringComparer.Ordinal).Take(BooleanQuery.MaxClauseCount).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var query = new TermsFilter(ids.Select(id => new Term(SearchFieldNames.Id, id)).ToList());
        var visibility = VisibilityFilter(readerTerms);
        var filter = visibility is null ? (Filter)query : new BooleanFilter { new FilterClause(query, Occur.MUST), new FilterClause(visibility, Occur.MUST) };
        var found = searcher.Search(new ConstantScoreQuery(filter), ids.Count);
        var values = new HitValues(searcher.IndexReader);
        return found.ScoreDocs.ToDictionary(hit => values.Text(hit.Doc, SearchFieldNames.Id) ?? "", hit => values.Text(hit.Doc, SearchFieldNames.Title) ?? "", StringComparer.Ordinal);
    }

    /// <summary>One request against one searcher: the query run as typed, as suggested, or with any of its words.</summary>
    private sealed class Search(IndexSearcher searcher, Analyzer queryAnalyzer, Analyzer indexAnalyzer, Filter? filter, SearchRequest request,
        Func<string, string?, string> url, CompoundExpansion? compounds)
    {
        public SearchResults Execute(QueryText text) => Execute(text, text.IsEmpty ? null : text.ToQuery(queryAnalyzer, MatchFields, compounds), fullMatches: null);

        /// <summary>The documents with any of the words, those with all (or enough) of them first; null when that finds no more.</summary>
        public SearchResults? WithAnyWord(QueryText text, long fullMatchCount)
        {
            var full = new HashSet<int>();
            if (fullMatchCount > 0)
            {
                var strict = text.ToQuery(queryAnalyzer, MatchFields, compounds);
                full.UnionWith(searcher.Search(strict, filter, FewHits).ScoreDocs.Select(hit => hit.Doc));
            }

            var partial = Execute(text, text.ToQuery(queryAnalyzer, MatchFields, compounds, anyWord: true), full);
            return partial.Total > fullMatchCount ? partial with { PartialMatch = true } : null;
        }

        // fullMatches: documents with all the words, ranked before those with some (the query then matches any word).
        private SearchResults Execute(QueryText text, Query? match, HashSet<int>? fullMatches)
        {
            // In long: a page number typed into the address (2147483647) times the page size overflows an int.
            var depth = (int)Math.Min((long)request.Page * request.PageSize, SearchRequest.MaxDepth);
            var start = (int)Math.Min(((long)request.Page - 1) * request.PageSize, SearchRequest.MaxDepth);
            var byRelevance = match is not null && request.EffectiveSort != SearchSort.Date;
            ITopDocsCollector top = byRelevance
                ? TopScoreDocCollector.Create(Math.Max(depth, RankingWindow), docsScoredInOrder: false)
                : TopFieldCollector.Create(Newest, Math.Max(depth, 1), fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCounter();
            searcher.Search(match ?? new MatchAllDocsQuery(), filter, MultiCollector.Wrap(top, facets));

            var values = new HitValues(searcher.IndexReader);
            var words = new IndexedWords(indexAnalyzer);
            var best = byRelevance
                ? new TitleRanking(text.ToTermGroups(queryAnalyzer, SearchFieldNames.Body, compounds), words).Rank(top.GetTopDocs().ScoreDocs, values)
                : top.GetTopDocs(0, depth).ScoreDocs;
            if (fullMatches is { Count: > 0 })
            {
                // Stable: each tier keeps its order by score (or date).
                best = [.. best.OrderBy(hit => fullMatches.Contains(hit.Doc) ? 0 : 1)];
            }

            var page = best.Skip(start).Take(depth - start).ToArray();
            var snippets = new Snippets(match, words);
            var hits = new List<SearchHit>(page.Length);
            foreach (var doc in page.Select(hit => hit.Doc))
            {
                var id = values.Text(doc, SearchFieldNames.Id) ?? "";
                var snippet = snippets.Of(values.Text(doc, SearchFieldNames.Body) ?? "");
                hits.Add(new SearchHit(
                    id,
                    values.Keyword(doc, SearchFieldNames.ContentType) ?? "",
                    values.Text(doc, SearchFieldNames.Title) ?? "",
                    url(id, values.Text(doc, SearchFieldNames.Path)),
                    snippet.Html)
                {
                    Date = values.Date(doc),
                    Network = values.Keyword(doc, SearchFieldNames.Network),
                    MatchedTitleOrTagsOnly = snippet.FromOpening,
                });
            }

            return new SearchResults(top.TotalHits, hits, facets.Result(MaxFacetValues));
        }
    }

    /// <summary>The filter that lets through documents carrying one of the reader's terms; null for no filter.</summary>
    internal static Filter? VisibilityFilter(IReadOnlyList<string>? readerTerms)
    {
        if (readerTerms is null)
        {
            return null;
        }

        var key = string.Join('\n', readerTerms.Order(StringComparer.Ordinal));
        if (VisibilityFilters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (VisibilityFilters.Count >= MaxCachedFilters)
        {
            VisibilityFilters.Clear();
        }

        return VisibilityFilters.GetOrAdd(key, _ => new BitsCachingFilter(
            new TermsFilter(readerTerms.Select(term => new Term(SearchFieldNames.Visibility, term)).ToList())));
    }

    // Does any document the filter lets through contain the term? Stops at the first one, where a search would score them all.
    private static bool AnyVisible(IndexReader reader, Term term, Filter visibility)
    {
        foreach (var leaf in reader.Leaves)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(term);
            var allowed = visibility.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
            if (docs is null || allowed is null)
            {
                continue;
            }

            var doc = docs.NextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var next = allowed.Advance(doc);
                if (next == doc)
                {
                    return true;
                }

                if (next == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                doc = docs.Advance(next);
            }
        }

        return false;
    }

    // Visibility and facet filters restrict what is collected, so counts and facets only ever see readable documents.
    private static Filter? Filter(Filter? visibility, SearchRequest request)
    {
        var filters = new List<Filter>();
        if (visibility is not null)
        {
            filters.Add(visibility);
        }

        foreach (var (field, value) in new[] { (SearchFieldNames.ContentType, request.ContentType), (SearchFieldNames.Network, request.Network), (SearchFieldNames.Tag, request.Tag) })
        {
            if (value is not null)
            {
                filters.Add(new TermsFilter(new Term(field, value)));
            }
        }

        if (filters.Count <= 1)
        {
            // One filter alone keeps its cached bits; a BooleanFilter would copy them into a new set per search.
            return filters.FirstOrDefault();
        }

        var combined = new BooleanFilter();
        foreach (var filter in filters)
        {
            combined.Add(filter, Occur.MUST);
        }

        return combined;
    }

    /// <summary>Caches a filter's bit set per segment as it is: CachingWrapperFilter would compress it into a set
    /// without random access, and the search would then leapfrog through it instead of checking one bit per document.</summary>
    private sealed class BitsCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader) =>
            docIdSet is FixedBitSet ? docIdSet : base.DocIdSetToCache(docIdSet, reader);
    }
}
