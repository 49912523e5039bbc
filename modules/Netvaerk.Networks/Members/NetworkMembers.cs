using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Members;

/// <summary>Who is in which network, with which role. Writes join the platform's transaction when one is
/// open (e.g. 'users create' makes the user and the memberships together, or neither), else open their own;
/// every change is recorded in the audit log in that same transaction.</summary>
public sealed class NetworkMembers(NetworksDbContext db, PortalDbContext portal, AuditLog audit, TimeProvider clock)
{
    public Task<List<NetworkMember>> ListAsync(string networkId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.AsNoTracking()
            .Where(m => m.NetworkContentItemId == networkId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    public Task<List<NetworkMember>> ForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>True when the network exists (not deleted); drafts count, so members can be added before it is published.</summary>
    public Task<bool> NetworkExistsAsync(string networkId, CancellationToken cancellationToken = default) =>
        portal.ContentItems.AnyAsync(r => r.ContentItemId == networkId && r.Latest && r.ContentType == NetworkContentTypes.Network, cancellationToken);

    /// <summary>Adds the user to the network with the role, or changes their role.</summary>
    public async Task<NetworkMember> SetAsync(string networkId, string userId, string role, CancellationToken cancellationToken = default)
    {
        var canonical = NetworkRoles.Parse(role) ?? throw new ArgumentException($"'{role}' is not a network role. Use '{NetworkRoles.Member}' or '{NetworkRoles.Coordinator}' (tovholder).", nameof(role));
        return await AuditedAsync(async () =>
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.NetworkContentItemId == networkId && m.UserId == userId, cancellationToken);
            if (member is null)
            {
                member = new NetworkMember { NetworkContentItemId = networkId, UserId = userId, Role = canonical, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.Members.Add(member);
                await RecordAsync(NetworkAuditActions.MemberAdded, networkId, userId, canonical, cancellationToken);
            }
            else if (member.Role != canonical)
            {
                member.Role = canonical;
                await RecordAsync(NetworkAuditActions.MemberRoleChanged, networkId, userId, canonical, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await UserSessions.UserChangedAsync(portal, userId, cancellationToken);
            return member;
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(string networkId, string userId, CancellationToken cancellationToken = default) =>
        AuditedAsync(async () =>
        {
            var removed = await db.Members.Where(m => m.NetworkContentItemId == networkId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
            if (removed)
            {
                await RecordAsync(NetworkAuditActions.MemberRemoved, networkId, userId, null, cancellationToken);
            }

            await UserSessions.UserChangedAsync(portal, userId, cancellationToken);
            return removed;
        }, cancellationToken);

    /// <summary>Removes all of a user's memberships (when the user is deleted; that deletion is what the audit log records).</summary>
    public Task<int> RemoveUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    /// <summary>Removes every membership of a network (when the network is deleted, inside that write's transaction).</summary>
    /// <remarks>Each former member's stamp changes too, so no reader resolved from their old memberships outlives the network.</remarks>
    public Task<int> RemoveNetworkAsync(string networkId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(async () =>
        {
            var userIds = await db.Members.Where(m => m.NetworkContentItemId == networkId).Select(m => m.UserId).ToListAsync(cancellationToken);
            foreach (var userId in userIds)
            {
                await UserSessions.UserChangedAsync(portal, userId, cancellationToken);
            }

            return await db.Members.Where(m => m.NetworkContentItemId == networkId).ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Runs a change in the caller's transaction or one of its own, and writes the audit entry it staged with it.</summary>
    private Task<T> AuditedAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken) =>
        portal.InTransactionAsync(async () =>
        {
            var result = await db.InPortalTransactionAsync(change, cancellationToken);
            await portal.SaveChangesAsync(cancellationToken);
            return result;
        }, cancellationToken);

    private async Task RecordAsync(string action, string networkId, string userId, string? role, CancellationToken cancellationToken)
    {
        var userName = await portal.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? userId;
        var network = await portal.ContentItems.Where(r => r.ContentItemId == networkId && r.Latest).Select(r => r.DisplayText).FirstOrDefaultAsync(cancellationToken);
        audit.Record(action, userName, $"netværk „{network}“ ({networkId})" + (role is null ? "" : $", rolle {role}"));
    }
}
