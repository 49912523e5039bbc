using System.Globalization;
using System.Text;
using Netvaerk.Search.Lucene.Searching;

namespace Netvaerk.Search.Lucene.Pages;

/// <summary>What the "Search" template renders: everything already worded, counted and linked, so the
/// template only lays it out (and a tenant's own template has nothing to compute).</summary>
public sealed class SearchPage
{
    public required string Lang { get; init; }

    public required SearchTexts Text { get; init; }

    /// <summary>The tenant's URL prefix ("" or "/{prefix}").</summary>
    public required string PathBase { get; init; }

    public required string Action { get; init; }

    public required string Query { get; init; }

    /// <summary>Set when the index cannot answer now (being rebuilt): the page says so instead of showing results.</summary>
    public string? UnavailableText { get; init; }

    /// <summary>False before anything was asked: the page shows the search field alone.</summary>
    public bool Searched { get; init; }

    public long Total { get; init; }

    public string TotalText { get; init; } = "";

    public string NoResultsText { get; init; } = "";

    public string? DidYouMean { get; init; }

    public string? DidYouMeanUrl { get; init; }

    public bool ShowsDidYouMean { get; init; }

    public IReadOnlyList<SearchPageHit> Hits { get; init; } = [];

    public IReadOnlyList<SearchPageFacet> Facets { get; init; } = [];

    /// <summary>The filters in force, as hidden fields, so a new query keeps them.</summary>
    public IReadOnlyList<SearchPageField> HiddenFields { get; init; } = [];

    public IReadOnlyList<SearchPageLink> Sorts { get; init; } = [];

    public IReadOnlyList<SearchPageLink> Pages { get; init; } = [];

    public string? PreviousUrl { get; init; }

    public string? NextUrl { get; init; }
}

/// <param name="Snippet">Escaped text with &lt;mark&gt; around matches: the template writes it with <c>| raw</c>.</param>
public sealed record SearchPageHit(string Title, string Url, string Snippet, string TypeName, string? Date, string? NetworkName);

public sealed record SearchPageFacet(string Name, IReadOnlyList<SearchPageLink> Values, string? ClearUrl);

/// <param name="Current">The value in force (a selected filter, the current page or order).</param>
public sealed record SearchPageLink(string Label, string Url, bool Current, int Count = 0);

public sealed record SearchPageField(string Name, string Value);

internal static class SearchPageBuilder
{
    public static SearchPage Build(SearchRequest request, SearchResults? results, IReadOnlyDictionary<string, string> networkNames,
        string pathBase, CultureInfo culture)
    {
        var text = SearchTexts.For(culture);
        var action = pathBase + "/search";
        var lang = culture.TwoLetterISOLanguageName == "en" ? "en" : "da";
        if (results is null)
        {
            return new SearchPage { Lang = lang, Text = text, PathBase = pathBase, Action = action, Query = request.Query };
        }

        string Link(SearchRequest changed) => Url(action, changed);
        var pageCount = (int)Math.Min((results.Total + request.PageSize - 1) / request.PageSize, SearchRequest.MaxDepth / request.PageSize);
        var dateFormat = culture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy" : "d. MMMM yyyy";
        return new SearchPage
        {
            Lang = lang,
            Text = text,
            PathBase = pathBase,
            Action = action,
            Query = request.Query,
            Searched = true,
            Total = results.Total,
            TotalText = results.Total == 1 ? text.ResultsOne : string.Format(culture, text.ResultsMany, results.Total.ToString("N0", culture)),
            NoResultsText = string.Format(culture, text.NoResults, request.Query),
            DidYouMean = results.DidYouMean,
            DidYouMeanUrl = results.DidYouMean is null ? null : Link(request with { Query = results.DidYouMean, Page = 1 }),
            ShowsDidYouMean = results.ShowsDidYouMean,
            Hits = results.Hits.Select(hit => new SearchPageHit(
                hit.DisplayText, hit.Url, hit.Snippet, text.TypeName(hit.ContentType),
                hit.Date?.ToString(dateFormat, culture),
                hit.Network is not null && networkNames.TryGetValue(hit.Network, out var name) ? name : null)).ToList(),
            Facets =
            [
                Facet(text.ContentType, results.Facets.ContentType, request.ContentType, text.TypeName,
                    value => request with { ContentType = value, Page = 1 }, Link),
                Facet(text.Network, results.Facets.Network, request.Network,
                    id => networkNames.TryGetValue(id, out var name) ? name : id,
                    value => request with { Network = value, Page = 1 }, Link),
                Facet(text.Tag, results.Facets.Tag, request.Tag, tag => tag,
                    value => request with { Tag = value, Page = 1 }, Link),
            ],
            HiddenFields = new[] { ("type", request.ContentType), ("network", request.Network), ("tag", request.Tag), ("sort", SortValue(request.Sort)) }
                .Where(field => field.Item2 is not null).Select(field => new SearchPageField(field.Item1, field.Item2!)).ToList(),
            Sorts =
            [
                new(text.Relevance, Link(request with { Sort = SearchSort.Relevance, Page = 1 }), request.EffectiveSort == SearchSort.Relevance),
                new(text.Date, Link(request with { Sort = SearchSort.Date, Page = 1 }), request.EffectiveSort == SearchSort.Date),
            ],
            Pages = Enumerable.Range(1, pageCount)
                .Where(number => number == 1 || number == pageCount || Math.Abs(number - request.Page) <= 2)
                .Select(number => new SearchPageLink(number.ToString(culture), Link(request with { Page = number }), number == request.Page))
                .ToList(),
            PreviousUrl = request.Page > 1 && request.Page <= pageCount + 1 ? Link(request with { Page = request.Page - 1 }) : null,
            NextUrl = request.Page < pageCount ? Link(request with { Page = request.Page + 1 }) : null,
        };
    }

    /// <summary>The page with the search field and the honest news that the index is being rebuilt.</summary>
    public static SearchPage Unavailable(SearchRequest request, string pathBase, CultureInfo culture)
    {
        var text = SearchTexts.For(culture);
        return new SearchPage
        {
            Lang = culture.TwoLetterISOLanguageName == "en" ? "en" : "da",
            Text = text,
            PathBase = pathBase,
            Action = pathBase + "/search",
            Query = request.Query,
            UnavailableText = text.Unavailable,
        };
    }

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

    private static SearchPageFacet Facet(string name, IReadOnlyDictionary<string, int> counts, string? selected, Func<string, string> label,
        Func<string?, SearchRequest> filtered, Func<SearchRequest, string> link) =>
        new(name,
            counts.Select(pair => new SearchPageLink(label(pair.Key), link(filtered(pair.Key)), string.Equals(pair.Key, selected, StringComparison.Ordinal), pair.Value)).ToList(),
            selected is null ? null : link(filtered(null)));
}
