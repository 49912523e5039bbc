using System.Globalization;
using System.Text;
using Netvaerk.Search.Lucene.Searching;

namespace Netvaerk.Search.Lucene.Pages;

/// <summary>What the "Search" template renders: everything already counted and linked, so the template only lays it
/// out and words it (Danish source texts through <c>t</c>), and a tenant's own template has nothing to compute.</summary>
public sealed class SearchPage
{
    /// <summary>What a reader is told while the index cannot answer (the page's template words it the same).</summary>
    public const string UnavailableText = "Søgningen bliver genopbygget – prøv igen om lidt.";

    /// <summary>The tenant's URL prefix ("" or "/{prefix}").</summary>
    public required string PathBase { get; init; }

    public required string Action { get; init; }

    public required string Query { get; init; }

    /// <summary>The index cannot answer now (being rebuilt): the page says so instead of showing results.</summary>
    public bool Unavailable { get; init; }

    /// <summary>False before anything was asked: the page shows the search field alone.</summary>
    public bool Searched { get; init; }

    public long Total { get; init; }

    public string? DidYouMean { get; init; }

    public string? DidYouMeanUrl { get; init; }

    public bool ShowsDidYouMean { get; init; }

    /// <summary>Too few items had all the words, so items with some of them follow.</summary>
    public bool PartialMatch { get; init; }

    public IReadOnlyList<SearchPageHit> Hits { get; init; } = [];

    public IReadOnlyList<SearchPageFacet> Facets { get; init; } = [];

    /// <summary>The filters in force, as hidden fields, so a new query keeps them.</summary>
    public IReadOnlyList<SearchPageField> HiddenFields { get; init; } = [];

    /// <summary>Labels are Danish source texts ("relevans", "dato").</summary>
    public IReadOnlyList<SearchPageLink> Sorts { get; init; } = [];

    public IReadOnlyList<SearchPageLink> Pages { get; init; } = [];

    public string? PreviousUrl { get; init; }

    public string? NextUrl { get; init; }

    /// <summary>The page asked for lies past the last one: the last page is shown instead, and the page says so.</summary>
    public int? AskedPage { get; init; }

    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; }

    /// <summary>Whether any facet has values to offer (else the filters are left out).</summary>
    public bool HasFacets => Facets.Any(facet => facet.Values.Count > 0);

    /// <summary>The same query without its filters, when some are in force.</summary>
    public string? ClearFiltersUrl { get; init; }
}

/// <param name="TypeName">The content type's display name, a Danish source text.</param>
/// <param name="Date">The meeting date of a meeting note, otherwise when the item was last changed.</param>
/// <param name="Snippet">Escaped text with &lt;mark&gt; around matches: the template writes it with <c>| raw</c>.</param>
/// <param name="InTitleOrTagsOnly">The words are in the title or tags only: the snippet is the text's opening.</param>
public sealed record SearchPageHit(string Title, string Url, string Snippet, string TypeName, DateTime? Date, string? NetworkName, bool InTitleOrTagsOnly);

/// <param name="Name">A Danish source text ("Indholdstype").</param>
/// <param name="TranslateLabels">Whether the values' labels are source texts (content type names), not names people gave (networks, tags).</param>
public sealed record SearchPageFacet(string Name, IReadOnlyList<SearchPageLink> Values, string? ClearUrl, bool TranslateLabels);

/// <param name="Current">The value in force (a selected filter, the current page or order).</param>
public sealed record SearchPageLink(string Label, string Url, bool Current, int Count = 0);

public sealed record SearchPageField(string Name, string Value);

internal static class SearchPageBuilder
{
    /// <summary>How many pages the results fill, as far as they are paged to.</summary>
    public static int PageCount(long total, SearchRequest request) =>
        (int)Math.Min((total + request.PageSize - 1) / request.PageSize, SearchRequest.MaxDepth / request.PageSize);

    /// <param name="askedPage">Set when <paramref name="request"/> is the last page, shown for a page past it.</param>
    public static SearchPage Build(SearchRequest request, SearchResults? results, IReadOnlyDictionary<string, string> networkNames,
        IReadOnlyDictionary<string, string> typeNames, string pathBase, int? askedPage = null)
    {
        var action = pathBase + "/search";
        if (results is null)
        {
            return new SearchPage { PathBase = pathBase, Action = action, Query = request.Query };
        }

        string Link(SearchRequest changed) => Url(action, changed);
        string TypeName(string type) => typeNames.TryGetValue(type, out var name) ? name : type;
        var pageCount = PageCount(results.Total, request);
        return new SearchPage
        {
            PathBase = pathBase,
            Action = action,
            Query = request.Query,
            Searched = true,
            Total = results.Total,
            DidYouMean = results.DidYouMean,
            DidYouMeanUrl = results.DidYouMean is null ? null : Link(request with { Query = results.DidYouMean, Page = 1 }),
            ShowsDidYouMean = results.ShowsDidYouMean,
            PartialMatch = results.PartialMatch,
            Hits = results.Hits.Select(hit => new SearchPageHit(
                hit.DisplayText, hit.Url, hit.Snippet, TypeName(hit.ContentType), hit.Date,
                hit.Network is not null && networkNames.TryGetValue(hit.Network, out var name) ? name : null,
                hit.MatchedTitleOrTagsOnly)).ToList(),
            Facets =
            [
                Facet("Indholdstype", results.Facets.ContentType, request.ContentType, TypeName, translate: true,
                    value => request with { ContentType = value, Page = 1 }, Link),
                Facet("Netværk", results.Facets.Network, request.Network,
                    id => networkNames.TryGetValue(id, out var name) ? name : id, translate: false,
                    value => request with { Network = value, Page = 1 }, Link),
                Facet("Emne", results.Facets.Tag, request.Tag, tag => tag, translate: false,
                    value => request with { Tag = value, Page = 1 }, Link),
            ],
            HiddenFields = new[] { ("type", request.ContentType), ("network", request.Network), ("tag", request.Tag), ("sort", SortValue(request.Sort)) }
                .Where(field => field.Item2 is not null).Select(field => new SearchPageField(field.Item1, field.Item2!)).ToList(),
            Sorts =
            [
                new("relevans", Link(request with { Sort = SearchSort.Relevance, Page = 1 }), request.EffectiveSort == SearchSort.Relevance),
                new("dato", Link(request with { Sort = SearchSort.Date, Page = 1 }), request.EffectiveSort == SearchSort.Date),
            ],
            Pages = Enumerable.Range(1, pageCount)
                .Where(number => number == 1 || number == pageCount || Math.Abs(number - request.Page) <= 2)
                .Select(number => new SearchPageLink(number.ToString(CultureInfo.CurrentCulture), Link(request with { Page = number }), number == request.Page))
                .ToList(),
            PreviousUrl = request.Page > 1 && request.Page <= pageCount + 1 ? Link(request with { Page = request.Page - 1 }) : null,
            NextUrl = request.Page < pageCount ? Link(request with { Page = request.Page + 1 }) : null,
            ClearFiltersUrl = request.ContentType is null && request.Network is null && request.Tag is null
                ? null
                : Link(request with { ContentType = null, Network = null, Tag = null, Page = 1 }),
            AskedPage = askedPage,
            PageNumber = request.Page,
            PageCount = pageCount,
        };
    }

    /// <summary>The page with the search field and the honest news that the index is being rebuilt.</summary>
    public static SearchPage Unavailable(SearchRequest request, string pathBase) =>
        new() { PathBase = pathBase, Action = pathBase + "/search", Query = request.Query, Unavailable = true };

    /// <summary>The page's URL for a request: only what differs from the defaults.</summary>
    public static string Url(string action, SearchRequest request)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("q", request.Query);
        Add("type", request.ContentType);
        Add("network", request.Network);
        Add("tag", request.Tag);
        Add("sort", SortValue(request.Sort));
        Add("page", request.Page > 1 ? request.Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("pageSize", request.PageSize != SearchRequest.DefaultPageSize ? request.PageSize.ToString(CultureInfo.InvariantCulture) : null);
        return action + query;
    }

    private static string? SortValue(SearchSort? sort) => sort switch
    {
        SearchSort.Date => "date",
        SearchSort.Relevance => "relevance",
        _ => null,
    };

    private static SearchPageFacet Facet(string name, IReadOnlyDictionary<string, int> counts, string? selected, Func<string, string> label, bool translate,
        Func<string?, SearchRequest> filtered, Func<SearchRequest, string> link) =>
        new(name,
            counts.Select(pair => new SearchPageLink(label(pair.Key), link(filtered(pair.Key)), string.Equals(pair.Key, selected, StringComparison.Ordinal), pair.Value)).ToList(),
            selected is null ? null : link(filtered(null)),
            translate);
}
