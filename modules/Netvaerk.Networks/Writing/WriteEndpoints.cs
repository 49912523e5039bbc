using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Writing;

/// <summary>Writing in the public site (see README "Writing in the site"):
/// <list type="bullet">
/// <item>GET|POST /indhold/ny/{type}?netvaerk={networkId}: a new item of the type in the network;</item>
/// <item>GET|POST /indhold/{id}/rediger: the item's latest version;</item>
/// <item>POST /indhold/forhaandsvisning: the sanitized HTML of posted Markdown, for the live preview.</item>
/// </list>
/// A form the reader may not use answers 404, as for an item that does not exist; a POST needs the antiforgery token
/// (the [FromForm] parameters make ASP.NET Core check it).</summary>
public static class WriteEndpoints
{
    public static void MapWriting(this IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/indhold").ExcludeFromDescription();
        forms.MapGet("/ny/{type}", NewFormAsync);
        forms.MapPost("/ny/{type}", CreateAsync);
        forms.MapGet("/{contentItemId}/rediger", EditFormAsync);
        forms.MapPost("/{contentItemId}/rediger", UpdateAsync);
        forms.MapPost("/forhaandsvisning", PreviewAsync);
    }

    private static async Task<IResult> NewFormAsync(string type, string? netvaerk, SiteForms forms, CancellationToken cancellationToken) =>
        await forms.NewAsync(type, netvaerk, cancellationToken) is { } state
            ? await forms.RenderAsync(state, cancellationToken)
            : Results.NotFound();

    private static async Task<IResult> CreateAsync(string type, string? netvaerk, [FromForm] IFormCollection form, SiteForms forms, CancellationToken cancellationToken)
    {
        if (await forms.NewAsync(type, netvaerk, cancellationToken) is not { } state)
        {
            return Results.NotFound();
        }

        return await forms.SubmitAsync(state, form, cancellationToken) is { } next
            ? Results.Redirect(next)
            : await forms.RenderAsync(state, cancellationToken);
    }

    private static async Task<IResult> EditFormAsync(string contentItemId, string? gemt, SiteForms forms, CancellationToken cancellationToken)
    {
        if (await forms.EditAsync(contentItemId, cancellationToken) is not { } state)
        {
            return Results.NotFound();
        }

        state.Message = gemt switch
        {
            "kladde" => "Kladden er gemt.",
            "gendannet" => "Den gamle version er gendannet som kladde.",
            _ => null,
        };
        return await forms.RenderAsync(state, cancellationToken);
    }

    private static async Task<IResult> UpdateAsync(string contentItemId, [FromForm] IFormCollection form, SiteForms forms, CancellationToken cancellationToken)
    {
        if (await forms.EditAsync(contentItemId, cancellationToken) is not { } state)
        {
            return Results.NotFound();
        }

        return await forms.SubmitAsync(state, form, cancellationToken) is { } next
            ? Results.Redirect(next)
            : await forms.RenderAsync(state, cancellationToken);
    }

    /// <summary>What the preview shows: the same checks and the same sanitizing renderer as a saved item's page. Only for
    /// signed-in readers (it is a writing tool), and bounded like the body it previews.</summary>
    private static async Task<IResult> PreviewAsync([FromForm] string? markdown, NetworkReaderContext readers, MarkdownRenderer renderer, PageDisplay display, CancellationToken cancellationToken)
    {
        if (!(await readers.GetAccessAsync(cancellationToken)).IsAuthenticated)
        {
            return Results.Unauthorized();
        }

        var text = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        string html;
        var status = StatusCodes.Status200OK;
        if (text.Length > ContentTypes.FieldLimits.Markdown)
        {
            html = Refused(display.Text["Teksten er {0} tegn; højst {1} kan forhåndsvises og gemmes. Forkort den.", text.Length, ContentTypes.FieldLimits.Markdown]);
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            try
            {
                ContentItemShape.CheckMarkdown(null, "MarkdownBodyPart.Markdown", text);
                html = text.Trim().Length == 0 ? $"<p class=\"help\">{Html.Encoder.Encode(display.Text["Forhåndsvisningen er tom, indtil du skriver noget."])}</p>" : renderer.ToSafeHtml(text);
            }
            catch (ContentValidationException error)
            {
                html = Refused(display.Text[error.Template, error.Arguments.Select(a => a ?? "").ToArray()]);
                status = StatusCodes.Status400BadRequest;
            }
        }

        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static string Refused(string message) => $"<p class=\"field-error\" role=\"alert\">{Html.Encoder.Encode(message)}</p>";
}
