using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Data;
using NetvaerkPortal.PersonalData;

namespace Netvaerk.Networks.Members;

/// <summary>The module's share of a member's personal data: their network memberships (exported, and removed
/// with the member), and the Owner copied into the visibility index (anonymised like the content it indexes).</summary>
public sealed class NetworkMembershipPersonalData(NetworkMembers members, NetworksDbContext networks, PortalDbContext portal) : IPersonalDataHandler
{
    public async Task ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        var memberships = await members.ForUserAsync(subject.UserId, cancellationToken);
        var ids = memberships.Select(m => m.NetworkContentItemId).ToList();
        var titles = await portal.ContentItems.AsNoTracking().Where(r => ids.Contains(r.ContentItemId) && r.Latest)
            .ToDictionaryAsync(r => r.ContentItemId, r => r.DisplayText, cancellationToken);
        export["networkMemberships"] = PersonalDataExport.Node(memberships
            .Select(m => new Membership(m.NetworkContentItemId, titles.GetValueOrDefault(m.NetworkContentItemId), m.Role, m.CreatedUtc))
            .ToList());
    }

    public async Task DeleteAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        await members.RemoveUserAsync(subject.UserId, cancellationToken);
        await networks.InPortalTransactionAsync(() => networks.VisibilityIndex
            .Where(r => r.Owner == subject.UserId || r.Owner == subject.UserName)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Owner, MemberDeletion.FormerMember), cancellationToken), cancellationToken);
    }

    /// <param name="Role">"member" or "coordinator" (tovholder).</param>
    public sealed record Membership(string NetworkId, string? Title, string Role, DateTime SinceUtc);
}
