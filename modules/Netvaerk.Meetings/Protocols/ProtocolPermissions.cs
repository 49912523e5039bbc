using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>Who may do what with protocols. Reading follows the visibility rules (the organisation's protocols are
/// Tenant-visible, a network's own are Network-visible). Writing:
/// <list type="bullet">
/// <item>editors and administrators create, change and copy every protocol, into any network;</item>
/// <item>a network's coordinator (tovholder) copies any protocol they may read into that network, and changes the
/// network's own protocols;</item>
/// <item>members use them.</item>
/// </list></summary>
public static class ProtocolPermissions
{
    public static bool MayEdit(ReaderAccess access, ContentItem protocol)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsEditor || (NetworkItems.NetworkOf(protocol) is { } network && access.CoordinatorOf.Contains(network));
    }

    public static bool MayCopyInto(ReaderAccess access, string networkId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsEditor || access.CoordinatorOf.Contains(networkId);
    }

    /// <summary>An organisation's protocol (without a network) is the editors'.</summary>
    public static bool MayCreateForOrganisation(ReaderAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsEditor;
    }

    /// <summary>May the reader store <paramref name="item"/>, new or as the new state of <paramref name="existing"/>? A
    /// protocol stays in the network it belongs to unless an editor moves it.</summary>
    public static bool MayStore(ReaderAccess access, ContentItem? existing, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.IsEditor)
        {
            return true;
        }

        var network = NetworkItems.NetworkOf(item);
        return network is not null && MayCopyInto(access, network)
            && (existing is null || (MayEdit(access, existing) && NetworkItems.NetworkOf(existing) == network));
    }

    /// <summary>The rights <see cref="Netvaerk.Networks.Writing.ContentWrites"/> needs to store what
    /// <see cref="MayStore"/> allowed. Its rules (ContentPermissions) know only the Networks module's types, so for a
    /// protocol this module decides, and the write itself then takes the one write path (versions, audit, indexing).</summary>
    internal static ReaderAccess Granted(ReaderAccess access) =>
        access.IsEditor ? access : access with { Reader = access.Reader with { CanReadEverything = true } };
}
