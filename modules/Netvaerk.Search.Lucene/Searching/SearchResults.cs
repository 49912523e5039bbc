using System.Text.Json.Serialization;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>The answer of <c>GET /api/search</c>, exactly in the shape ARCHITECTURE "Interfaces" gives.</summary>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    /// <summary>"Mente du …?": a query close to the one typed that finds something; null when not needed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DidYouMean { get; init; }

    /// <summary>True when the typed query found nothing and <see cref="Hits"/> are those of <see cref="DidYouMean"/>.</summary>
    [JsonIgnore]
    public bool ShowsDidYouMean { get; init; }

    /// <summary>
    /// True when too few documents have all the query's words (fewer than IndexQuery.FewHits), so the hits also
    /// include documents with only some of them, after those with all: the page says "Viser resultater, der matcher
    /// nogle af ordene". In the API's JSON as <c>"partialMatch": true</c>, left out when false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PartialMatch { get; init; }

    public static SearchResults Empty { get; } = new(0, [], new SearchFacets(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>()));
}

/// <param name="Snippet">HTML: the document's text escaped, with the matched words in &lt;mark&gt;.</param>
public sealed record SearchHit(string ContentItemId, string ContentType, string DisplayText, string Url, string Snippet)
{
    [JsonIgnore]
    public DateTime? Date { get; init; }

    [JsonIgnore]
    public string? Network { get; init; }

    /// <summary>
    /// True when the query's words are in the title or tags only, so <see cref="Snippet"/> is the text's opening, not
    /// a passage around them: a page may say so ("Fundet i titlen eller et emneord"). In the API's JSON as
    /// <c>"matchedTitleOrTagsOnly": true</c>, left out when false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MatchedTitleOrTagsOnly { get; init; }
}

/// <summary>Counts over every matching document the reader may read, most frequent first.</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<string, int> ContentType,
    IReadOnlyDictionary<string, int> Network,
    IReadOnlyDictionary<string, int> Tag);
