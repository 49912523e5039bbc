using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>A network's people and writing on its page: coordinators (to signed-in readers), members (to the network's
/// members and staff), its meeting notes and articles the reader may read (newest first, as list entries), the reader's
/// drafts in it, and the links to write and to manage members for those who may.</summary>
public sealed record NetworkActivity(
    IReadOnlyList<NetworkPerson> Coordinators,
    bool ShowCoordinators,
    IReadOnlyList<NetworkPerson> Members,
    bool ShowMembers,
    NetworkItems MeetingNotes,
    NetworkItems Articles,
    IReadOnlyList<DraftLink> Drafts,
    string? WriteNoteUrl,
    string? WriteArticleUrl,
    string? MembersUrl,
    IReadOnlyList<NetworkPageLink> Links);

/// <summary>A page another module offers for the network (<see cref="ContentItemLink"/>, e.g. its meetings); the text is a Danish source text.</summary>
public sealed record NetworkPageLink(string Text, string Url);

public sealed record NetworkPerson(string Name, bool Coordinator);

/// <summary>List entries (rendered <c>Content-{Type}.Summary</c>), how many the reader may read in all, and the address
/// that lists more of them (null when all are shown, or as many as a page lists).</summary>
public sealed record NetworkItems(IReadOnlyList<string> Entries, int Total, string? ShowAllUrl)
{
    public bool More => Total > Entries.Count;
}

public sealed record DraftLink(string Title, string TypeName, string EditUrl, DateTime? ModifiedUtc);

public sealed class NetworkActivityDisplay(
    IReadableContent readable,
    NetworkMembers members,
    NetworksDbContext networks,
    PortalDbContext portal,
    ContentManager content,
    IEnumerable<ContentItemLink> itemLinks,
    PageDisplay display,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IPartDisplay
{
    /// <summary>How many notes and articles the page lists, and how many when the reader asks for all (?alle=MeetingNote).</summary>
    public const int ListSize = 10;

    public const int AllSize = 100;

    public string Name => "NetworkActivity";

    public bool Applies(ContentItem item, DisplayType displayType) =>
        item.ContentType == NetworkContentTypes.Network && displayType == DisplayType.Detail;

    public async Task<object?> BuildAsync(PartDisplayContext context)
    {
        var (id, access, cancellationToken) = (context.Item.ContentItemId, context.Access, context.CancellationToken);
        var isMember = access.IsEditor || access.Reader.NetworkIds.Contains(id);
        var people = access.IsAuthenticated ? await PeopleAsync(id, cancellationToken) : [];

        return new NetworkActivity(
            people.Where(p => p.Coordinator).ToList(),
            access.IsAuthenticated,
            isMember ? people : [],
            isMember,
            await ItemsAsync(context, NetworkContentTypes.MeetingNote),
            await ItemsAsync(context, NetworkContentTypes.KnowledgeArticle),
            access.IsAuthenticated ? await DraftsAsync(context) : [],
            WriteUrl(context, NetworkContentTypes.MeetingNote),
            WriteUrl(context, NetworkContentTypes.KnowledgeArticle),
            access.MayManageMembers(id) ? $"{context.PathBase}/admin/networks/{Uri.EscapeDataString(id)}/members" : null,
            isMember && http.HttpContext?.User is { } user ? await LinksAsync(context, user, cancellationToken) : []);
    }

    /// <summary>Other modules' pages for this network (this module's own members link is shown as <see cref="NetworkActivity.MembersUrl"/>).</summary>
    private async Task<IReadOnlyList<NetworkPageLink>> LinksAsync(PartDisplayContext context, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var features = (await display.SiteAsync(cancellationToken)).Features;
        return ContentItemLink.For(itemLinks.Where(l => l.Feature != Manifest.Id), context.Item, user, features)
            .Select(l => new NetworkPageLink(l.Text, context.PathBase + l.Path))
            .ToList();
    }

    /// <summary>The address of the write form when the reader may write this type in the network (the same rule the write itself checks).</summary>
    public static string? WriteUrl(PartDisplayContext context, string contentType)
    {
        var probe = new ContentItem { ContentType = contentType };
        probe.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = context.Item.ContentItemId;
        return ContentWrites.MayCreate(context.Access, probe)
            ? $"{context.PathBase}/indhold/ny/{contentType}?netvaerk={Uri.EscapeDataString(context.Item.ContentItemId)}"
            : null;
    }

    private async Task<NetworkItems> ItemsAsync(PartDisplayContext context, string contentType)
    {
        var all = string.Equals(http.HttpContext?.Request.Query["alle"].ToString(), contentType, StringComparison.Ordinal);
        var page = await readable.ListAsync(context.Access.Reader,
            new ContentListRequest(contentType, context.Item.ContentItemId, 0, all ? AllSize : ListSize, CountTotal: true, PublishedOnly: true), context.CancellationToken);
        var showAll = !all && page.Total > page.Items.Count ? $"{ContentUrls.Of(context.PathBase, context.Item)}?alle={contentType}" : null;
        return new NetworkItems(await context.RenderSummariesAsync(page.Items), page.Total, showAll);
    }

    private async Task<List<NetworkPerson>> PeopleAsync(string networkId, CancellationToken cancellationToken)
    {
        var list = await members.ListAsync(networkId, cancellationToken);
        var ids = list.Select(m => m.UserId).ToList();
        var names = await portal.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", cancellationToken);
        return list.Where(m => names.ContainsKey(m.UserId))
            .Select(m => new NetworkPerson(names[m.UserId], m.Role == NetworkRoles.Coordinator))
            .OrderByDescending(p => p.Coordinator).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Unpublished latest versions in this network that the reader may edit (their own; a coordinator's or editor's: all).</summary>
    private async Task<List<DraftLink>> DraftsAsync(PartDisplayContext context)
    {
        var (id, access, cancellationToken) = (context.Item.ContentItemId, context.Access, context.CancellationToken);
        var yes = true;
        var no = false;
        var ids = await networks.InPortalTransactionAsync(() => networks.VisibilityIndex.AsNoTracking()
            .Where(r => r.NetworkContentItemId == id && r.Latest == yes && r.Published == no && r.ContentType != NetworkContentTypes.Network)
            .OrderByDescending(r => r.ModifiedUtc)
            .Take(50)
            .Select(r => r.ContentItemId)
            .ToListAsync(cancellationToken), cancellationToken);
        var drafts = await content.GetManyAsync(ids, VersionOptions.Latest, cancellationToken);
        return drafts.Where(d => !d.Published && ContentPermissions.CanEdit(access, d))
            .OrderByDescending(d => d.ModifiedUtc)
            .Select(d => new DraftLink(d.DisplayText, NetworkContentTypes.DisplayName(d.ContentType), $"{context.PathBase}/indhold/{d.ContentItemId}/rediger", d.ModifiedUtc))
            .ToList();
    }
}
