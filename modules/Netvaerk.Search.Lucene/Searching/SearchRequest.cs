using System.Globalization;

namespace Netvaerk.Search.Lucene.Searching;

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>One search: what was typed, the facet filters, the page and the order.</summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    /// <summary>Hits beyond this rank are not paged to: nobody reads page 101, and deep pages cost memory.</summary>
    public const int MaxDepth = 1_000;

    // A search box gets pasted documents; past this the text is cut before it is parsed.
    public const int MaxQueryLength = 500;

    public string Query { get; init; } = "";

    public string? ContentType { get; init; }

    public string? Network { get; init; }

    public string? Tag { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Relevance when something was typed, else newest first.</summary>
    public SearchSort? Sort { get; init; }

    public SearchSort EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Query) ? SearchSort.Date : SearchSort.Relevance);

    /// <summary>From query-string values as typed in a URL: anything unreadable falls back to its default, never an error.</summary>
    public static SearchRequest FromQueryString(string? q, string? type, string? network, string? tag, string? page, string? pageSize, string? sort)
    {
        var text = (q ?? "").Trim();
        return new SearchRequest
        {
            Query = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text,
            ContentType = Blank(type),
            Network = Blank(network),
            Tag = Blank(tag),
            Page = Math.Max(1, Number(page) ?? 1),
            PageSize = Math.Clamp(Number(pageSize) ?? DefaultPageSize, 1, MaxPageSize),
            Sort = sort?.Trim().ToLowerInvariant() switch
            {
                "date" or "dato" or "newest" => SearchSort.Date,
                "relevance" or "relevans" => SearchSort.Relevance,
                _ => null,
            },
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
