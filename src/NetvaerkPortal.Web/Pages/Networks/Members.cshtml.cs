using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Networks;

/// <summary>A network's members and their roles. Editors and administrators manage every network's
/// members, a coordinator (tovholder) their own network's; so this page sits outside the editors-only /Admin folder.</summary>
[Authorize]
public sealed class MembersModel(ContentManager content, NetworkMembers members, NetworkReaderContext readers, UserManager<PortalUser> users, IStringLocalizer<UiText> text) : PageModel
{
    public ContentItem Network { get; private set; } = null!;

    public IReadOnlyList<(NetworkMember Member, string UserName)> Members { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, string userName, string role, bool remove, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var user = await users.FindByNameAsync((userName ?? "").Trim());
        if (user is null)
        {
            Error = text["Der findes ingen bruger med brugernavnet '{0}'.", userName ?? ""];
        }
        else if (remove)
        {
            await members.RemoveAsync(id, user.Id, cancellationToken);
            Message = text["{0} er fjernet fra netværket.", user.UserName!];
        }
        else if (NetworkRoles.Parse(role) is null)
        {
            Error = text["Vælg en rolle."];
        }
        else
        {
            await members.SetAsync(id, user.Id, role, cancellationToken);
            Message = text["{0} er nu {1} i netværket.", user.UserName!, text[RoleText(role)].Value];
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public static string RoleText(string role) => NetworkRoles.Parse(role) == NetworkRoles.Coordinator ? "tovholder" : "medlem";

    /// <summary>Loads the network and its members; a result when the reader may not manage them (404, not 403: nothing is revealed).</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var network = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
        var access = await readers.GetAccessAsync(cancellationToken);
        if (network?.ContentType != "Network" || !access.MayManageMembers(id))
        {
            return NotFound();
        }

        Network = network;
        var list = new List<(NetworkMember, string)>();
        foreach (var member in await members.ListAsync(id, cancellationToken))
        {
            list.Add((member, (await users.FindByIdAsync(member.UserId))?.UserName ?? member.UserId));
        }

        Members = list.OrderBy(m => m.Item2, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
