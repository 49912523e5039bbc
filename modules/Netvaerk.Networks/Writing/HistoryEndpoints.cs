using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Content.Versions;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Writing;

/// <summary>An item's history in the public site, for whoever may edit the item (<see cref="ContentWrites.HistoryAsync"/>):
/// <list type="bullet">
/// <item>GET /indhold/{id}/historik: its versions, newest first;</item>
/// <item>GET /indhold/{id}/historik/{versionId}: one version, compared with the current one field by field, and as it looked;</item>
/// <item>POST /indhold/{id}/historik/{versionId}/gendan: makes that version's content the new latest draft.</item>
/// </list>
/// Anyone else, and any version of another item, gets 404.</summary>
public static class HistoryEndpoints
{
    public static void MapHistory(this IEndpointRouteBuilder routes)
    {
        var history = routes.MapGroup("/indhold/{contentItemId}/historik").ExcludeFromDescription();
        history.MapGet("/", ListAsync);
        history.MapGet("/{versionId}", VersionAsync);
        history.MapPost("/{versionId}/gendan", RestoreAsync);
    }

    private static async Task<IResult> ListAsync(string contentItemId, HttpContext http, NetworkReaderContext readers, ContentWrites writes, ContentManager content, PageDisplay display, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await writes.HistoryAsync(access, contentItemId, cancellationToken) is not { } history)
        {
            return Results.NotFound();
        }

        var (latest, versions) = history;
        var pathBase = http.Request.PathBase.Value ?? "";
        var id = Uri.EscapeDataString(latest.ContentItemId);
        var published = versions.FirstOrDefault(v => v.Published);
        var page = new HistoryPage(
            latest.DisplayText,
            VersionViews.TypeName(latest),
            $"{pathBase}/indhold/{id}/rediger",
            published is null ? null : ContentUrls.Of(pathBase, published),
            versions.Select(v => VersionViews.Row(v, $"{pathBase}/indhold/{id}/historik/{Uri.EscapeDataString(v.ContentItemVersionId)}")).ToList());
        var title = display.Text["Versionshistorik: {0}", latest.DisplayText].Value;
        return await display.PageAsync(["ItemHistory"], page, new PageOptions(title), cancellationToken);
    }

    private static Task<IResult> VersionAsync(string contentItemId, string versionId, HttpContext http, CancellationToken cancellationToken) =>
        RenderVersionAsync(contentItemId, versionId, http, error: null, cancellationToken);

    private static async Task<IResult> RestoreAsync(string contentItemId, string versionId, [FromForm] IFormCollection form, HttpContext http, NetworkReaderContext readers, ContentWrites writes, PageDisplay display, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var outcome = await writes.RestoreAsync(access, contentItemId, versionId, cancellationToken);
        return outcome.Refusal switch
        {
            WriteRefusal.None => Results.Redirect($"{http.Request.PathBase}/indhold/{Uri.EscapeDataString(outcome.Saved!.ContentItemId)}/rediger?gemt=gendannet"),
            WriteRefusal.NotFound => Results.NotFound(),
            WriteRefusal.Invalid => await RenderVersionAsync(contentItemId, versionId, http,
                display.Text[outcome.Error!.Template, outcome.Error.Arguments.Select(a => a ?? "").ToArray()].Value, cancellationToken),
            _ => await RenderVersionAsync(contentItemId, versionId, http,
                display.Text["Du kan ikke gendanne denne version: dens indhold er noget, du ikke må skrive (fx offentligt eller i et andet netværk)."].Value, cancellationToken),
        };
    }

    private static async Task<IResult> RenderVersionAsync(string contentItemId, string versionId, HttpContext http, string? error, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var access = await services.GetRequiredService<NetworkReaderContext>().GetAccessAsync(cancellationToken);
        if (await services.GetRequiredService<ContentWrites>().VersionAsync(access, contentItemId, versionId, cancellationToken) is not { } found
            || await services.GetRequiredService<ContentDefinitionManager>().GetTypeAsync(found.Latest.ContentType, cancellationToken) is not { } type)
        {
            return Results.NotFound();
        }

        var (latest, version) = found;
        var display = services.GetRequiredService<PageDisplay>();
        var fields = services.GetRequiredService<ContentEditor>().FieldsFor(type);
        var labels = await VersionComparison.ChoiceLabelsAsync(fields, latest, services, text => display.Text[text].Value, cancellationToken);
        var (changes, unchanged) = VersionViews.Changes(VersionComparison.Compare(fields, version, latest, labels));
        var pathBase = http.Request.PathBase.Value ?? "";
        var id = Uri.EscapeDataString(latest.ContentItemId);
        var versionUrl = $"{pathBase}/indhold/{id}/historik/{Uri.EscapeDataString(version.ContentItemVersionId)}";
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var page = new VersionPage(
            version.DisplayText,
            VersionViews.Row(version, versionUrl),
            $"{pathBase}/indhold/{id}/historik",
            changes,
            unchanged,
            services.GetRequiredService<MarkdownRenderer>().ToSafeHtml(version.Text("MarkdownBodyPart", "Markdown"), $"version {version.ContentItemVersionId}"),
            !version.Latest && ContentWrites.MayUpdate(access, latest, version) ? versionUrl + "/gendan" : null,
            tokens.FormFieldName,
            tokens.RequestToken ?? "",
            error);
        var title = display.Text["Version af »{0}«", version.DisplayText].Value;
        return await display.PageAsync(["ItemVersion"], page, new PageOptions(title, StatusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest), cancellationToken);
    }
}
