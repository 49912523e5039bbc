using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Members;

/// <summary>The answer to "may this reader see (or manage) this network's members?".</summary>
public enum MembersDecision
{
    /// <summary>No such network, or one the reader may not see: answer as if it did not exist.</summary>
    Hidden,

    /// <summary>The reader sees the network but may not do this.</summary>
    Refused,

    Allowed,
}

/// <summary>Who may list and manage a network's members: its members and the editors see them; its coordinators
/// (tovholdere), the editors and administrators manage them. The members API and the members page both ask here.</summary>
public static class MembersPermission
{
    /// <summary>The decision, and the network's latest version when the reader may see it.</summary>
    public static async Task<(MembersDecision Decision, ContentItem? Network)> DecideAsync(
        ReaderAccess access, ContentManager content, string networkId, bool manage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(content);
        var network = ContentIds.IsValid(networkId) ? await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) : null;
        var visible = network is { ContentType: NetworkContentTypes.Network }
            && (access.IsEditor || access.Reader.NetworkIds.Contains(networkId)
                || await content.GetAsync(networkId, VersionOptions.Published, cancellationToken) is { } published
                    && Visibility.CanRead(access.Reader, published, NetworkItems.NetworkOf(published)));
        if (!visible)
        {
            return (MembersDecision.Hidden, null);
        }

        var allowed = manage ? access.MayManageMembers(networkId) : access.IsEditor || access.Reader.NetworkIds.Contains(networkId);
        return (allowed ? MembersDecision.Allowed : MembersDecision.Refused, network);
    }
}
