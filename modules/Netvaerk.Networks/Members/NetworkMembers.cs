using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Members;

/// <summary>Who is in which network, with which role. Writes join the platform's transaction when one is
/// open (e.g. 'users create' makes the user and the memberships together, or neither).</summary>
public sealed class NetworkMembers(NetworksDbContext db, PortalDbContext portal, TimeProvider clock)
{
    public Task<List<NetworkMember>> ListAsync(string networkId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.AsNoTracking()
            .Where(m => m.NetworkContentItemId == networkId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    public Task<List<NetworkMember>> ForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.AsNoTracking()
            .Where(m => m.UserId == userId)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>True when the network exists (not deleted); drafts count, so members can be added before it is published.</summary>
    public Task<bool> NetworkExistsAsync(string networkId, CancellationToken cancellationToken = default) =>
        portal.ContentItems.AnyAsync(r => r.ContentItemId == networkId && r.Latest && r.ContentType == NetworkContentTypes.Network, cancellationToken);

    /// <summary>Adds the user to the network with the role, or changes their role.</summary>
    public async Task<NetworkMember> SetAsync(string networkId, string userId, string role, CancellationToken cancellationToken = default)
    {
        var canonical = NetworkRoles.Parse(role) ?? throw new ArgumentException($"'{role}' is not a network role. Use '{NetworkRoles.Member}' or '{NetworkRoles.Coordinator}' (tovholder).", nameof(role));
        return await db.InPortalTransactionAsync(async () =>
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.NetworkContentItemId == networkId && m.UserId == userId, cancellationToken);
            if (member is null)
            {
                member = new NetworkMember { NetworkContentItemId = networkId, UserId = userId, Role = canonical, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.Members.Add(member);
            }
            else
            {
                member.Role = canonical;
            }

            await db.SaveChangesAsync(cancellationToken);
            await UserSessions.UserChangedAsync(portal, userId, cancellationToken);
            return member;
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(string networkId, string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(async () =>
        {
            var removed = await db.Members.Where(m => m.NetworkContentItemId == networkId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
            await UserSessions.UserChangedAsync(portal, userId, cancellationToken);
            return removed;
        }, cancellationToken);

    /// <summary>Removes all of a user's memberships (when the user is deleted).</summary>
    public Task<int> RemoveUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.Members.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
