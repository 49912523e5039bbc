using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Writing;

/// <summary>One write form's state: the item being written (new, or a copy of the latest version), the stored latest
/// version it changes, what was posted, and what to tell the writer.</summary>
public sealed class FormState(ContentItem item, ContentTypeDefinition type, ContentItem? existing)
{
    public ContentItem Item { get; } = item;

    public ContentTypeDefinition Type { get; } = type;

    /// <summary>The stored latest version when editing; null for a new item.</summary>
    public ContentItem? Existing { get; } = existing;

    public bool IsNew => Existing is null;

    /// <summary>The posted form, whose values are shown back so nothing the writer entered is lost.</summary>
    public IFormCollection? Posted { get; set; }

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public string? PreviewHtml { get; set; }

    public string? Message { get; set; }

    public string? CancelUrl { get; set; }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;
}

/// <summary>The site's write forms for members and editors: the fields come from the parts' editors (<see cref="ContentEditor"/>),
/// the rules from <see cref="ContentWrites"/> (the API's own write path), the page from the <c>ItemEditor</c> template.</summary>
public sealed class SiteForms(
    ContentManager content,
    ContentDefinitionManager definitions,
    ContentEditor editor,
    ContentWrites writes,
    NetworkReaderContext readers,
    PageDisplay display,
    MarkdownRenderer markdown,
    IAntiforgery antiforgery,
    IHttpContextAccessor accessor)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("Forms are shown within a request.");

    private string PathBase => Http.Request.PathBase.Value ?? "";

    private IStringLocalizer Text => display.Text;

    /// <summary>A new item of the type in the network, when the reader may write one there; null (a 404) otherwise, also
    /// for an unknown type or network.</summary>
    public async Task<FormState?> NewAsync(string contentType, string? networkId, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (!access.IsAuthenticated || await definitions.GetTypeAsync(contentType, cancellationToken) is not { } type)
        {
            return null;
        }

        var item = await content.NewAsync(type.Name, cancellationToken);
        ContentItem? network = null;
        if (!string.IsNullOrEmpty(networkId))
        {
            network = ContentIds.IsValid(networkId) && type.HasPart("NetworkItemPart")
                ? await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken)
                : null;
            if (network?.ContentType != NetworkContentTypes.Network)
            {
                return null;
            }

            item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network.ContentItemId;
        }

        if (!ContentWrites.MayCreate(access, item))
        {
            return null;
        }

        var published = network is null ? null : await content.GetAsync(network.ContentItemId, VersionOptions.Published, cancellationToken);
        return new FormState(item, type, existing: null) { CancelUrl = published is null ? PathBase + "/" : ContentUrls.Of(PathBase, published) };
    }

    /// <summary>The item's latest version to edit, when the reader may change it; null (a 404) otherwise.</summary>
    public async Task<FormState?> EditAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var (latest, _) = await writes.EditableAsync(access, contentItemId, cancellationToken);
        if (latest is null || await definitions.GetTypeAsync(latest.ContentType, cancellationToken) is not { } type)
        {
            return null;
        }

        var published = latest.Published ? latest : await content.GetAsync(latest.ContentItemId, VersionOptions.Published, cancellationToken);
        return new FormState(latest.Clone(), type, latest) { CancelUrl = published is null ? PathBase + "/" : ContentUrls.Of(PathBase, published) };
    }

    /// <summary>Applies the posted form and, unless it asks for a preview or has errors, stores the item through
    /// <see cref="ContentWrites"/>. Returns where to go next, or null to show the form again (with its status code).</summary>
    public async Task<string?> SubmitAsync(FormState state, IFormCollection form, CancellationToken cancellationToken)
    {
        state.Posted = form;
        var action = form["action"].ToString();
        foreach (var field in editor.FieldsFor(state.Type).Where(f => form[f.FormName].Count > 1))
        {
            // A browser sends each field once; two values are a forged or broken form, and neither is taken silently.
            state.FieldErrors[field.FormName] = Text["{0} er sendt mere end én gang. Send feltet én gang.", Text[field.Label].Value];
        }

        foreach (var error in editor.Apply(state.Item, state.Type, name => form[name].FirstOrDefault()))
        {
            state.FieldErrors.TryAdd(error.Field.FormName, Text[error.Template, [Text[(string)error.Arguments[0]].Value, .. error.Arguments[1..]]]);
        }

        if (action == "preview")
        {
            Preview(state);
            return null;
        }

        if (state.FieldErrors.Count > 0)
        {
            state.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        var access = await readers.GetAccessAsync(cancellationToken);
        state.Item.Published = action == "publish";
        var outcome = state.Existing is null
            ? await writes.CreateAsync(access, state.Item, cancellationToken)
            : await writes.UpdateAsync(access, state.Existing, state.Item, cancellationToken);
        switch (outcome.Refusal)
        {
            case WriteRefusal.None:
                var saved = outcome.Saved!;
                return saved.Published
                    ? ContentUrls.Of(PathBase, saved)
                    : $"{PathBase}/indhold/{Uri.EscapeDataString(saved.ContentItemId)}/rediger?gemt=kladde";
            case WriteRefusal.Invalid:
                ShowError(state, outcome.Error!);
                state.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            default:
                state.Errors.Add(Text["Du kan ikke gemme indholdet sådan. Medlemmer skriver mødenotater og videnartikler i deres egne netværk, synlige for netværket eller organisationen; offentligt indhold kræver en redaktør."]);
                state.StatusCode = StatusCodes.Status403Forbidden;
                return null;
        }
    }

    /// <summary>The form page.</summary>
    public async Task<IResult> RenderAsync(FormState state, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var fields = new List<FormField>();
        foreach (var field in editor.FieldsFor(state.Type))
        {
            var value = state.Posted is { } posted ? posted[field.FormName].FirstOrDefault() ?? "" : ContentEditor.Value(state.Item, field);
            var choices = field.Choices is null ? [] : await ChoicesAsync(state, field, value, access, cancellationToken);
            fields.Add(new FormField(field.FormName, field.ElementId, field.Label, field.Hint, field.Kind.ToString().ToLowerInvariant(),
                field.Required, field.MaxLength, value, state.FieldErrors.GetValueOrDefault(field.FormName), choices));
        }

        var typeName = Text[NetworkContentTypes.DisplayName(state.Type.Name)].Value.ToLower(CultureInfo.CurrentCulture);
        var title = state.IsNew ? Text["Skriv {0}", typeName].Value : Text["Rediger »{0}«", state.Existing!.DisplayText].Value;
        var id = Uri.EscapeDataString(state.Item.ContentItemId);
        var tokens = antiforgery.GetAndStoreTokens(Http);
        var model = new ItemForm(
            title,
            NetworkContentTypes.DisplayName(state.Type.Name),
            state.IsNew,
            state.IsNew ? PathBase + Http.Request.Path + Http.Request.QueryString : $"{PathBase}/indhold/{id}/rediger",
            $"{PathBase}/indhold/forhaandsvisning",
            state.CancelUrl,
            state.IsNew ? null : $"{PathBase}/indhold/{id}/historik",
            state.Existing is null ? null : await StatusAsync(state.Existing, cancellationToken),
            state.Message,
            [.. state.Errors, .. fields.Where(f => f.Error is not null).Select(f => $"{Text[f.Label].Value}: {f.Error}")],
            fields,
            state.PreviewHtml,
            tokens.FormFieldName,
            tokens.RequestToken ?? "",
            $"{PathBase}/{Manifest.Id}/js/markdown-preview.js");
        return await display.PageAsync(["ItemEditor"], model, new PageOptions(title, StatusCode: state.StatusCode), cancellationToken);
    }

    /// <summary>The choices the reader may store (by the same rule the write checks), and always the current one, so the
    /// form shows the item as it is. An item that names no value yet gets the type's default when stored.</summary>
    private async Task<IReadOnlyList<FormChoice>> ChoicesAsync(FormState state, EditorField field, string value, ReaderAccess access, CancellationToken cancellationToken)
    {
        var all = await field.Choices!(new EditorContext(Http.RequestServices, state.Item, cancellationToken));
        var offered = all.Where(choice => choice.Value == value || Allowed(state, field, choice.Value, access))
            .Select(choice => new FormChoice(choice.Value, choice.Label, choice.Translate, choice.Value == value))
            .ToList();
        if (value.Length == 0 && offered.All(c => c.Value.Length > 0))
        {
            offered.Insert(0, new FormChoice("", "Standard for denne type", Translate: true, Selected: true));
        }

        return offered;
    }

    private static bool Allowed(FormState state, EditorField field, string choice, ReaderAccess access)
    {
        var probe = state.Item.Clone();
        ContentEditor.Apply(probe, field, choice);
        return state.Existing is null ? ContentWrites.MayCreate(access, probe) : ContentWrites.MayUpdate(access, state.Existing, probe);
    }

    /// <summary>The server preview of the form's Markdown (the no-JavaScript way; the script asks <c>/indhold/forhaandsvisning</c>).</summary>
    private void Preview(FormState state)
    {
        var field = editor.FieldsFor(state.Type).FirstOrDefault(f => f.Kind == EditorFieldKind.Markdown);
        var text = field is null ? "" : state.Posted?[field.FormName].FirstOrDefault() ?? "";
        try
        {
            ContentItemShape.CheckMarkdown(null, field?.Part + "." + field?.Field, text);
            state.PreviewHtml = markdown.ToSafeHtml(text);
        }
        catch (ContentValidationException error)
        {
            ShowError(state, error);
            state.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>A refusal beside the field it names, in the reader's language; else above the form.</summary>
    private void ShowError(FormState state, ContentValidationException error)
    {
        var message = Text[error.Template, error.Arguments.Select(a => a ?? "").ToArray()].Value;
        var field = editor.FieldsFor(state.Type).FirstOrDefault(f => error.Field is not null && (error.Field == f.Part + "." + f.Field || error.Field == f.Part));
        if (field is null)
        {
            state.Errors.Add(message);
        }
        else
        {
            state.FieldErrors[field.FormName] = message;
        }
    }

    private async Task<string> StatusAsync(ContentItem latest, CancellationToken cancellationToken) =>
        latest.Published ? "Udgivet"
        : await content.GetAsync(latest.ContentItemId, VersionOptions.Published, cancellationToken) is not null ? "Kladde oven på en udgivet version"
        : "Kladde";
}
