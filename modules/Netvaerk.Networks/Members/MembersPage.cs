using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Members;

/// <summary>What the "NetworkMembers" template shows: the network, its members, the result of the last form, and the forms.</summary>
public sealed record MembersPageModel(
    string NetworkTitle,
    string BackUrl,
    IReadOnlyList<MemberRow> Members,
    string? Message,
    string? Error,
    string Action,
    string AntiforgeryField,
    string AntiforgeryToken);

/// <param name="Role">The role as a Danish source text ("medlem", "tovholder"); the template translates it.</param>
public sealed record MemberRow(string UserName, string Role);

/// <summary>/admin/networks/{id}/members: a network's members and their roles. Editors and administrators manage every
/// network's members, a coordinator (tovholder) their own network's (<see cref="MembersPermission"/>, as the API);
/// anyone else gets 404, as if the network did not exist.</summary>
public static class MembersPage
{
    /// <summary>The page's path under the tenant (prefix the request's path base for a link).</summary>
    public static string PathFor(string networkId) => $"/admin/networks/{Uri.EscapeDataString(networkId)}/members";

    public static IEndpointRouteBuilder MapMembersPage(this IEndpointRouteBuilder routes)
    {
        var page = routes.MapGroup("/admin/networks/{networkId}/members").RequireAuthorization().ExcludeFromDescription();
        page.MapGet("", ShowAsync);
        // [FromForm] parameters make the endpoint validate the antiforgery token.
        page.MapPost("", ChangeAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(string networkId, HttpContext http, CancellationToken cancellationToken) =>
        await NetworkAsync(http, networkId, cancellationToken) is { } network
            ? await RenderAsync(http, network, message: null, error: null, cancellationToken)
            : Results.NotFound();

    private static async Task<IResult> ChangeAsync(string networkId, [FromForm] string? userName, [FromForm] string? role, [FromForm] bool? remove,
        HttpContext http, NetworkMembers members, UserManager<PortalUser> users, PageDisplay display, CancellationToken cancellationToken)
    {
        if (await NetworkAsync(http, networkId, cancellationToken) is not { } network)
        {
            return Results.NotFound();
        }

        var text = display.Text;
        var user = await users.FindByNameAsync((userName ?? "").Trim());
        string? message = null, error = null;
        if (user is null)
        {
            error = text["Der findes ingen bruger med brugernavnet '{0}'.", userName ?? ""];
        }
        else if (remove == true)
        {
            await members.RemoveAsync(networkId, user.Id, cancellationToken);
            message = text["{0} er fjernet fra netværket.", user.UserName!];
        }
        else if (NetworkRoles.Parse(role) is not { } canonical)
        {
            error = text["Vælg en rolle."];
        }
        else
        {
            await members.SetAsync(networkId, user.Id, canonical, cancellationToken);
            message = text["{0} er nu {1} i netværket.", user.UserName!, text[RoleText(canonical)].Value];
        }

        return await RenderAsync(http, network, message, error, cancellationToken);
    }

    /// <summary>The role as the page names it (a Danish source text).</summary>
    public static string RoleText(string role) => NetworkRoles.Parse(role) == NetworkRoles.Coordinator ? "tovholder" : "medlem";

    /// <summary>The network, when the reader may manage its members; null answers 404 (nothing is revealed).</summary>
    private static async Task<ContentItem?> NetworkAsync(HttpContext http, string networkId, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var access = await services.GetRequiredService<NetworkReaderContext>().GetAccessAsync(cancellationToken);
        var (decision, network) = await MembersPermission.DecideAsync(access, services.GetRequiredService<ContentManager>(), networkId, manage: true, cancellationToken);
        return decision == MembersDecision.Allowed ? network : null;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ContentItem network, string? message, string? error, CancellationToken cancellationToken)
    {
        var networkId = network.ContentItemId;
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var rows = new List<MemberRow>();
        foreach (var member in await services.GetRequiredService<NetworkMembers>().ListAsync(networkId, cancellationToken))
        {
            rows.Add(new MemberRow((await users.FindByIdAsync(member.UserId))?.UserName ?? member.UserId, RoleText(member.Role)));
        }

        var pathBase = http.Request.PathBase.Value ?? "";
        var staff = http.User.IsInRole(PortalRoles.Administrator) || http.User.IsInRole(PortalRoles.Editor);
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var model = new MembersPageModel(
            network.DisplayText,
            // Editors go back to the network's editor; a coordinator, who has none, to the network's page.
            staff ? $"{pathBase}/admin/content/{Uri.EscapeDataString(networkId)}" : ContentUrls.Of(pathBase, network),
            rows.OrderBy(r => r.UserName, StringComparer.CurrentCulture).ToList(),
            message,
            error,
            pathBase + PathFor(networkId),
            tokens.FormFieldName,
            tokens.RequestToken ?? "");
        var display = services.GetRequiredService<PageDisplay>();
        var title = $"{display.Text["Medlemmer"]}: {network.DisplayText}";
        return await display.PageAsync(["NetworkMembers"], model,
            new PageOptions(title, Admin: true, StatusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest), cancellationToken);
    }
}
