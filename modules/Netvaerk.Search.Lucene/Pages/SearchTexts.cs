namespace Netvaerk.Search.Lucene.Pages;

/// <summary>The search page's words in the reader's language: Danish unless English was chosen.</summary>
public sealed record SearchTexts(
    string Title,
    string Label,
    string Button,
    string Hint,
    string ResultsOne,
    string ResultsMany,
    string NoResults,
    string DidYouMean,
    string ShowingInstead,
    string Filters,
    string ContentType,
    string Network,
    string Tag,
    string ClearFilter,
    string SortBy,
    string Relevance,
    string Date,
    string Pagination,
    string Previous,
    string Next,
    string Page,
    string SkipToResults,
    string Unavailable)
{
    public static SearchTexts Danish { get; } = new(
        "Søg", "Søg i portalen", "Søg", "Brug \"anførselstegn\" om en frase og -ord for at udelade et ord.",
        "1 resultat", "{0} resultater", "Ingen resultater for «{0}».", "Mente du", "Viser resultater for",
        "Afgræns søgningen", "Indholdstype", "Netværk", "Emne", "Fjern filteret", "Sortér efter", "relevans", "dato",
        "Sider", "Forrige side", "Næste side", "Side", "Gå til resultaterne",
        "Søgningen bliver genopbygget – prøv igen om lidt.");

    public static SearchTexts English { get; } = new(
        "Search", "Search the portal", "Search", "Use \"quotes\" for a phrase and -word to leave a word out.",
        "1 result", "{0} results", "No results for “{0}”.", "Did you mean", "Showing results for",
        "Narrow the search", "Content type", "Network", "Topic", "Remove the filter", "Sort by", "relevance", "date",
        "Pages", "Previous page", "Next page", "Page", "Skip to the results",
        "Search is being rebuilt – please try again in a moment.");

    public static SearchTexts For(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : Danish;

    /// <summary>The content types' names, for the type facet and the hits.</summary>
    public string TypeName(string contentType) => (this == English, contentType) switch
    {
        (false, "Network") => "Netværk",
        (false, "Case") => "Casefortælling",
        (false, "MeetingNote") => "Mødenotat",
        (false, "KnowledgeArticle") => "Videnartikel",
        (true, "Network") => "Network",
        (true, "Case") => "Case story",
        (true, "MeetingNote") => "Meeting note",
        (true, "KnowledgeArticle") => "Knowledge article",
        _ => contentType,
    };
}
