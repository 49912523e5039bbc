using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Web.Pages.Admin.Content;

/// <summary>Every stored version of an item, newest first, each of which can be restored as the new draft.</summary>
public sealed class HistoryModel(ContentManager content) : PageModel
{
    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    public ContentItem Latest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var latest = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        Latest = latest;
        Versions = await content.ListVersionsAsync(id, cancellationToken);
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
        catch (ContentValidationException)
        {
            return await OnGetAsync(id, cancellationToken) is NotFoundResult ? NotFound() : BadRequest();
        }

        return Redirect(Url.Content($"~/admin/content/{id}?saved=restored"));
    }
}
