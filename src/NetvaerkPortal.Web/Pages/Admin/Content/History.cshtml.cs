using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Content.Versions;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Content;

/// <summary>Every stored version of an item, newest first; one of them compared with the current version field by field
/// (?compare={versionId}); and any of them restored as the new draft.</summary>
public sealed class HistoryModel(ContentManager content, ContentDefinitionManager definitions, ContentEditor editor, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    public ContentItem Latest { get; private set; } = null!;

    /// <summary>The version being compared with the current one, and how each field differs (older → current).</summary>
    public ContentItem? Compared { get; private set; }

    public IReadOnlyList<FieldComparison> Comparison { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? compare, CancellationToken cancellationToken)
    {
        var latest = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        Latest = latest;
        Versions = await content.ListVersionsAsync(id, cancellationToken);
        if (compare is not null)
        {
            // Only a version of this item: any other id is as unknown here as an id that never existed.
            Compared = Versions.FirstOrDefault(v => v.ContentItemVersionId == compare);
            if (Compared is null || await definitions.GetTypeAsync(latest.ContentType, cancellationToken) is not { } type)
            {
                return NotFound();
            }

            var fields = editor.FieldsFor(type);
            var labels = await VersionComparison.ChoiceLabelsAsync(fields, latest, HttpContext.RequestServices, source => text[source].Value, cancellationToken);
            Comparison = VersionComparison.Compare(fields, Compared, latest, labels);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string versionId, CancellationToken cancellationToken)
    {
        try
        {
            await content.RestoreAsync(id, versionId, cancellationToken);
        }
        catch (ContentItemNotFoundException)
        {
            return NotFound();
        }
        catch (ContentValidationException error)
        {
            if (await OnGetAsync(id, versionId, cancellationToken) is NotFoundResult)
            {
                return NotFound();
            }

            Error = text[error.Template, error.Arguments.Select(a => a ?? "").ToArray()];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect(Url.Content($"~/admin/content/{id}?saved=restored"));
    }
}
