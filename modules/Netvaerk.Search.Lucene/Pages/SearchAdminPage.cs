namespace Netvaerk.Search.Lucene.Pages;

/// <summary>What the "SearchAdmin" template renders: the tenant's indexes, the items they had to skip, and the
/// forms to rebuild them and to edit the tenant's own synonyms.</summary>
public sealed class SearchAdminPage
{
    public required string Lang { get; init; }

    public required IReadOnlyList<SearchAdminIndex> Indexes { get; init; }

    /// <summary>Items an index could not take, each linked to its editor, newest first.</summary>
    public required IReadOnlyList<SearchAdminSkipped> Skipped { get; init; }

    public required string Synonyms { get; init; }

    public required string RebuildAction { get; init; }

    public required string SynonymsAction { get; init; }

    public required string AntiforgeryField { get; init; }

    public required string AntiforgeryToken { get; init; }

    public string? Message { get; init; }

    public string? Error { get; init; }
}

/// <param name="State">"ok", or why it waits for a rebuild (or cannot be opened).</param>
/// <param name="Skipped">Items it could not index.</param>
public sealed record SearchAdminIndex(string Name, string AnalyzerName, string ContentTypes, int Documents, long Cursor, string State, int Skipped);

/// <param name="Url">The item's page in the content editor.</param>
/// <param name="When">When it was skipped, UTC, "yyyy-MM-dd HH:mm".</param>
public sealed record SearchAdminSkipped(string Index, string Title, string ContentType, string Error, string When, string Url);
