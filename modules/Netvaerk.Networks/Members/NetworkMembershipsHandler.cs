using NetvaerkPortal.Content;
using NetvaerkPortal.Data;

namespace Netvaerk.Networks.Members;

/// <summary>A deleted network takes its memberships with it, in the deletion's transaction. Left behind, they
/// would let the old members into a network that is later imported again under the same id.</summary>
public sealed class NetworkMembershipsHandler(NetworkMembers members) : IContentHandler
{
    public async Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken)
    {
        // A deleted item has neither a latest nor a published version; its type is not at hand, and for
        // any item but a network there is simply nothing to remove.
        if (write.Latest is null && write.Published is null)
        {
            await members.RemoveNetworkAsync(write.ContentItemId, cancellationToken);
        }
    }
}
