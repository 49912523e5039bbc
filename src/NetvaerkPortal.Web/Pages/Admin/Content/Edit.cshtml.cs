using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Content;

/// <summary>Create and edit one content item: its parts' fields, Markdown with a preview, and the
/// actions save draft, publish, unpublish and delete.</summary>
public sealed class EditModel(ContentManager content, ContentDefinitionManager definitions, ContentEditor editor, MarkdownRenderer markdown,
    IEnumerable<ContentItemLink> itemLinks, PageDisplay display, IStringLocalizer<UiText> text) : PageModel
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    public ContentItem Item { get; private set; } = null!;

    public IReadOnlyList<EditorField> Fields { get; private set; } = [];

    /// <summary>The options of each choice field, by form name.</summary>
    public Dictionary<string, IReadOnlyList<EditorChoice>> Choices { get; } = new(StringComparer.Ordinal);

    public bool IsNew { get; private set; }

    /// <summary>The pages modules offer for this item (<see cref="ContentItemLink"/>), with paths under the tenant.</summary>
    public IReadOnlyList<(string Text, string Path)> Links { get; private set; } = [];

    public bool HasPublishedVersion { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Message { get; private set; }

    public string? PreviewHtml { get; private set; }

    public bool ConfirmDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? type, string? saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, type, cancellationToken))
        {
            return NotFound();
        }

        Message = saved switch
        {
            "draft" => text["Kladden er gemt."].Value,
            "published" => text["Indholdet er udgivet."].Value,
            "unpublished" => text["Indholdet er ikke længere udgivet."].Value,
            "restored" => text["Den gamle version er gendannet som kladde."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? type, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, type, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            switch (action)
            {
                case "unpublish":
                    await content.UnpublishAsync(Item.ContentItemId, cancellationToken);
                    return Redirect(Url.Content($"~/admin/content/{Item.ContentItemId}?saved=unpublished"));
                case "delete":
                    // Without JavaScript a confirm() is not there; ask on the page instead.
                    ConfirmDelete = true;
                    return Page();
                case "delete-confirmed":
                    await content.DeleteAsync(Item.ContentItemId, cancellationToken);
                    return Redirect(Url.Content($"~/admin/content?type={Type.Name}"));
            }

            foreach (var error in editor.Apply(Item, Type, name => Request.Form[name]))
            {
                Errors[error.Field.FormName] = text[error.Template, [text[(string)error.Arguments[0]].Value, .. error.Arguments[1..]]];
            }

            if (action == "preview" || Errors.Count > 0)
            {
                PreviewHtml = action == "preview" ? markdown.ToSafeHtml(Item.Text("MarkdownBodyPart", "Markdown")) : null;
                Response.StatusCode = Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
                return Page();
            }

            if (IsNew)
            {
                // The owner is the user's id, as the API and the site record it (a name can change; ownership rules compare ids).
                Item.Owner = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                Item.Author = User.Identity?.Name ?? "";
            }

            // Parts the type does not define (Orchard Core's ContainedPart on an item imported before parts were checked)
            // are neither shown nor used here; saving leaves them out rather than refusing an edit the editor cannot fix.
            foreach (var undefined in Item.Parts.Select(p => p.Key).Where(name => Type.FindPart(name) is null).ToList())
            {
                Item.Parts.Remove(undefined);
            }

            Item.Author = User.Identity?.Name ?? Item.Author;
            if (action == "publish")
            {
                await content.PublishAsync(Item, cancellationToken);
            }
            else
            {
                await content.SaveDraftAsync(Item, cancellationToken);
            }

            return Redirect(Url.Content($"~/admin/content/{Item.ContentItemId}?saved={(action == "publish" ? "published" : "draft")}"));
        }
        catch (ContentValidationException error)
        {
            var field = Fields.FirstOrDefault(f => error.Field is not null && (error.Field == f.Part + "." + f.Field || error.Field == f.Part));
            Errors[field?.FormName ?? ""] = text[error.Template, error.Arguments!];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ContentItemNotFoundException)
        {
            return NotFound();
        }
    }

    public string Value(EditorField field) => Request.HasFormContentType && Request.Form.ContainsKey(field.FormName)
        ? Request.Form[field.FormName].ToString()
        : ContentEditor.Value(Item, field);

    private async Task<bool> LoadAsync(string id, string? type, CancellationToken cancellationToken)
    {
        IsNew = id == "new";
        if (IsNew)
        {
            if (type is null || await definitions.GetTypeAsync(type, cancellationToken) is null)
            {
                return false;
            }

            Item = await content.NewAsync(type, cancellationToken);
        }
        else
        {
            var latest = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
            if (latest is null)
            {
                return false;
            }

            Item = latest;
            HasPublishedVersion = latest.Published || await content.GetAsync(id, VersionOptions.Published, cancellationToken) is not null;
            Links = ContentItemLink.For(itemLinks, latest, User, (await display.SiteAsync(cancellationToken)).Features);
        }

        Type = (await definitions.GetTypeAsync(Item.ContentType, cancellationToken))!;
        Fields = editor.FieldsFor(Type);
        foreach (var field in Fields.Where(f => f.Choices is not null))
        {
            Choices[field.FormName] = await field.Choices!(new EditorContext(HttpContext.RequestServices, Item, cancellationToken));
        }

        return true;
    }
}
