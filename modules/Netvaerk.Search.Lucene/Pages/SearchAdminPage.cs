namespace Netvaerk.Search.Lucene.Pages;

/// <summary>What the "SearchAdmin" template renders: the tenant's indexes, the items they had to skip, and the
/// forms to rebuild them and to edit the tenant's own synonyms.</summary>
public sealed class SearchAdminPage
{
    public required IReadOnlyList<SearchAdminIndex> Indexes { get; init; }

    /// <summary>Items an index could not take, each linked to its editor, newest first.</summary>
    public required IReadOnlyList<SearchAdminSkipped> Skipped { get; init; }

    /// <summary>The synonym lines: those saved, or those just posted when they could not be saved.</summary>
    public required string Synonyms { get; init; }

    public required string RebuildAction { get; init; }

    public required string SynonymsAction { get; init; }

    public required string AntiforgeryField { get; init; }

    public required string AntiforgeryToken { get; init; }

    /// <summary>What was just done, a Danish source text.</summary>
    public string? Message { get; init; }

    /// <summary>Why the last form was refused, already in the reader's language.</summary>
    public string? Error { get; init; }

    /// <summary>The synonyms shown are the refused ones just posted.</summary>
    public bool SynonymsRefused { get; init; }
}

/// <param name="State">A Danish source text: "I orden", or why it waits for a rebuild (or cannot be opened).</param>
/// <param name="Reason">The technical reason behind the state, for the administrator who digs (English, as logged).</param>
/// <param name="Skipped">Items it could not index.</param>
public sealed record SearchAdminIndex(string Name, string AnalyzerName, string ContentTypes, int Documents, long Cursor, string State, string? Reason, int Skipped);

/// <param name="Url">The item's page in the content editor.</param>
/// <param name="When">When it was skipped (UTC).</param>
public sealed record SearchAdminSkipped(string Index, string Title, string ContentType, string Error, DateTime When, string Url);
