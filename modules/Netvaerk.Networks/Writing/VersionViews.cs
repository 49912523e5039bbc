using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Versions;

namespace Netvaerk.Networks.Writing;

/// <summary>The history page (template <c>ItemHistory</c>): the item and its versions, newest first.</summary>
public sealed record HistoryPage(string Title, string TypeName, string EditUrl, string? ItemUrl, IReadOnlyList<VersionRow> Versions);

/// <summary>One version: when, by whom, its status (a Danish source text), and where to see it.</summary>
public sealed record VersionRow(string VersionId, DateTime? ModifiedUtc, string Author, string Status, bool Latest, string Url);

/// <summary>One old version (template <c>ItemVersion</c>): how it differs from the current version, field by field, how it
/// looked, and the form that restores it (when the reader may write that content now).</summary>
public sealed record VersionPage(
    string Title,
    VersionRow Version,
    string HistoryUrl,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<string> Unchanged,
    string BodyHtml,
    string? RestoreAction,
    string AntiforgeryField,
    string AntiforgeryToken,
    string? Error);

/// <summary>A changed field: its label (a Danish source text) and the word-level difference, older → current.</summary>
public sealed record FieldChange(string Label, IReadOnlyList<DiffPiece> Pieces);

/// <summary>A run of the difference; <see cref="Kind"/> is "same", "inserted" or "deleted".</summary>
public sealed record DiffPiece(string Kind, string Text);

public static class VersionViews
{
    public static VersionRow Row(ContentItem version, string url) =>
        new(version.ContentItemVersionId, version.ModifiedUtc, version.Author, VersionStatus.Of(version), version.Latest, url);

    public static string TypeName(ContentItem item) => NetworkContentTypes.DisplayName(item.ContentType);

    /// <summary>The changed fields with their long unchanged stretches shortened (<see cref="TextDiff.Condense"/>), and the labels of the others.</summary>
    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Unchanged) Changes(IReadOnlyList<FieldComparison> comparisons) =>
        (comparisons.Where(c => c.Changed)
            .Select(c => new FieldChange(c.Label, TextDiff.Condense(c.Segments).Select(s => new DiffPiece(s.Kind.ToString().ToLowerInvariant(), s.Text)).ToList()))
            .ToList(),
         comparisons.Where(c => !c.Changed).Select(c => c.Label).ToList());
}
