namespace Netvaerk.Search.Lucene.Pages;

/// <summary>What the "SearchAdmin" template renders: the tenant's indexes and the forms to rebuild them
/// and to edit the tenant's own synonyms.</summary>
public sealed class SearchAdminPage
{
    public required string Lang { get; init; }

    public required IReadOnlyList<SearchAdminIndex> Indexes { get; init; }

    public required string Synonyms { get; init; }

    public required string RebuildAction { get; init; }

    public required string SynonymsAction { get; init; }

    public required string AntiforgeryField { get; init; }

    public required string AntiforgeryToken { get; init; }

    public string? Message { get; init; }

    public string? Error { get; init; }
}

/// <param name="State">"ok", or why it waits for a rebuild.</param>
public sealed record SearchAdminIndex(string Name, string AnalyzerName, string ContentTypes, int Documents, long Cursor, string State);
