using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Protocols;

/// <summary>The protocol pages (signed-in readers only):
/// <list type="bullet">
/// <item>GET /protokoller: the protocols the reader can use, the organisation's and each of their networks' own;</item>
/// <item>GET /protokoller/{id}: one protocol with its phases;</item>
/// <item>POST /protokoller/{id}/kopier: a coordinator (or editor) copies it into a network, then edits the copy;</item>
/// <item>the phase editor: <see cref="ProtocolEditorPages"/>.</item>
/// </list>
/// A protocol the reader may not read answers 404, as one that does not exist.</summary>
public static class ProtocolPages
{
    public const string ListPath = "/protokoller";

    // What the page tells the reader (Danish source texts; the template translates them).
    private const string Saved = "Protokollen er gemt.";
    private const string ChooseNetwork = "Vælg det netværk, protokollen skal kopieres til.";
    private const string CopyFailed = "Protokollen kunne ikke kopieres. Prøv igen, eller kontakt en redaktør.";

    public static string PagePath(string id) => $"{ListPath}/{Uri.EscapeDataString(id)}";

    public static IEndpointRouteBuilder MapProtocolPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(ListPath).RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", ListAsync);
        pages.MapGet("/{contentItemId}", ShowAsync);
        // [FromForm] parameters make the endpoint validate the antiforgery token.
        pages.MapPost("/{contentItemId}/kopier", CopyAsync);
        pages.MapProtocolEditor();
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext http, NetworkReaderContext readers, ProtocolCatalog catalog, ContentManager content, PageDisplay display, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var pathBase = http.Request.PathBase.Value ?? "";
        var protocols = await catalog.ReadableAsync(access.Reader, cancellationToken);
        var byNetwork = protocols.ToLookup(NetworkItems.NetworkOf);
        var networkIds = access.Reader.NetworkIds.Concat(protocols.Select(NetworkItems.NetworkOf).OfType<string>()).Distinct().ToList();
        var networks = await content.GetManyAsync(networkIds, VersionOptions.Latest, cancellationToken);

        var groups = new List<ProtocolGroup> { new(null, null, Summaries(byNetwork[null], pathBase), ProtocolPermissions.MayCreateForOrganisation(access)) };
        groups.AddRange(networks
            .Where(n => n.ContentType == NetworkContentTypes.Network)
            .OrderBy(n => n.DisplayText, ProtocolCatalog.Titles)
            .Select(n => new ProtocolGroup(n.DisplayText, ContentUrls.Of(pathBase, n), Summaries(byNetwork[n.ContentItemId], pathBase), ProtocolPermissions.MayCopyInto(access, n.ContentItemId))));
        var model = new ProtocolListModel(groups, ProtocolPermissions.MayCreateForOrganisation(access) ? pathBase + ProtocolEditorPages.NewPath : null);
        return await display.PageAsync(["ProtocolList"], model, new PageOptions("Mødeprotokoller") { TranslateTitle = true }, cancellationToken);
    }

    private static List<ProtocolSummary> Summaries(IEnumerable<ContentItem> items, string pathBase) =>
        items.Select(item =>
        {
            var phases = ProtocolPart.Phases(item);
            var minutes = ProtocolPart.Minutes(phases);
            return new ProtocolSummary(item.DisplayText, pathBase + PagePath(item.ContentItemId), ProtocolPart.Description(item), phases.Count, minutes.Fixed, minutes.PerCase);
        }).ToList();

    private static async Task<IResult> ShowAsync(string contentItemId, string? gemt, HttpContext http, NetworkReaderContext readers, ProtocolCatalog catalog, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        return await catalog.FindAsync(access, contentItemId, cancellationToken) is { } protocol
            ? await RenderAsync(http, access, protocol, gemt is null ? null : Saved, copyError: null, cancellationToken)
            : Results.NotFound();
    }

    private static async Task<IResult> CopyAsync(string contentItemId, [FromForm] string? network, HttpContext http, NetworkReaderContext readers,
        ProtocolCatalog catalog, ProtocolWrites writes, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await catalog.FindAsync(access, contentItemId, cancellationToken) is not { } protocol)
        {
            return Results.NotFound();
        }

        var targets = await catalog.CopyTargetsAsync(access, cancellationToken);
        if (targets.Count == 0)
        {
            // Nobody offered this form: as for a page that does not exist.
            return Results.NotFound();
        }

        if (targets.FirstOrDefault(t => t.ContentItemId == network) is not { } target)
        {
            return await RenderAsync(http, access, protocol, message: null, ChooseNetwork, cancellationToken);
        }

        var outcome = await writes.CopyAsync(access, protocol, target.ContentItemId, cancellationToken);
        return outcome.Succeeded
            ? Results.Redirect($"{http.Request.PathBase}{ProtocolEditorPages.EditPath(outcome.Saved!.ContentItemId)}?kopieret=1")
            : await RenderAsync(http, access, protocol, message: null, CopyFailed, cancellationToken);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ReaderAccess access, ContentItem protocol, string? message, string? copyError, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var catalog = services.GetRequiredService<ProtocolCatalog>();
        var content = services.GetRequiredService<ContentManager>();
        var display = services.GetRequiredService<PageDisplay>();
        var pathBase = http.Request.PathBase.Value ?? "";
        var phases = ProtocolPart.Phases(protocol);
        var minutes = ProtocolPart.Minutes(phases);
        var network = NetworkItems.NetworkOf(protocol) is { } networkId ? await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) : null;
        var original = ProtocolPart.CopiedFrom(protocol) is { } copiedFrom ? await catalog.FindAsync(access, copiedFrom, cancellationToken) : null;
        var targets = await catalog.CopyTargetsAsync(access, cancellationToken);
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        const int exampleCases = 2;
        var model = new ProtocolPageModel(
            protocol.DisplayText,
            ProtocolPart.Description(protocol),
            services.GetRequiredService<MarkdownRenderer>().ToSafeHtml(protocol.Text("MarkdownBodyPart", "Markdown") ?? "", protocol.ContentItemId),
            network?.DisplayText,
            network is null ? null : ContentUrls.Of(pathBase, network),
            original?.DisplayText,
            original is null ? null : pathBase + PagePath(original.ContentItemId),
            phases.Select((p, i) => new PhaseView(i + 1, p.Name, p.Minutes, p.PerCase, p.Speaks, p.Listens, p.Produces, p.Guidance)).ToList(),
            minutes.Fixed,
            minutes.PerCase,
            exampleCases,
            minutes.With(exampleCases),
            pathBase + ListPath,
            ProtocolPermissions.MayEdit(access, protocol) ? pathBase + ProtocolEditorPages.EditPath(protocol.ContentItemId) : null,
            targets.Count > 0 ? $"{pathBase}{PagePath(protocol.ContentItemId)}/kopier" : null,
            targets.Select(t => new NetworkChoice(t.ContentItemId, t.DisplayText)).ToList(),
            message,
            copyError,
            tokens.FormFieldName,
            tokens.RequestToken ?? "");
        return await display.PageAsync(["Protocol"], model,
            new PageOptions(protocol.DisplayText, StatusCode: copyError is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest), cancellationToken);
    }
}
