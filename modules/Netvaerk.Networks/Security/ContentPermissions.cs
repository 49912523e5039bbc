using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Security;

/// <summary>Who may write what. Reading is <see cref="ItemVisibility.CanRead"/>; writing is decided here:
/// <list type="bullet">
/// <item>Administrators and Editors create, edit, publish and delete everything in their tenant.</item>
/// <item>A member creates meeting notes and knowledge articles in their own networks, shared with the
/// network or the organisation (Public needs an editor), and edits and deletes what they created while
/// they are still a member.</item>
/// <item>A coordinator (tovholder) edits and deletes every meeting note and article of their network.</item>
/// <item>Networks and case stories are the editors' alone.</item>
/// </list></summary>
public static class ContentPermissions
{
    /// <summary>The types members write; the others are editorial.</summary>
    public static readonly IReadOnlySet<string> MemberTypes = new HashSet<string>(StringComparer.Ordinal) { NetworkContentTypes.MeetingNote, NetworkContentTypes.KnowledgeArticle };

    /// <summary>May the reader store this item (new, or as the new state of an existing item)?</summary>
    public static bool CanWrite(ReaderAccess access, ContentItem item)
    {
        if (access.IsEditor)
        {
            return true;
        }

        return access.IsAuthenticated
            && MemberTypes.Contains(item.ContentType)
            && NetworkItems.NetworkOf(item) is { } network
            && access.Reader.NetworkIds.Contains(network)
            && Visibility.Of(item, network) is Visibility.Network or Visibility.Tenant;
    }

    /// <summary>May the reader change or delete this stored item?</summary>
    public static bool CanEdit(ReaderAccess access, ContentItem existing)
    {
        if (access.IsEditor)
        {
            return true;
        }

        if (!access.IsAuthenticated || !MemberTypes.Contains(existing.ContentType) || NetworkItems.NetworkOf(existing) is not { } network)
        {
            return false;
        }

        return access.CoordinatorOf.Contains(network)
            || (existing.Owner == access.UserId && access.Reader.NetworkIds.Contains(network));
    }

    /// <summary>An update needs both: the right to edit what is stored and the right to write what it becomes.</summary>
    public static bool CanUpdate(ReaderAccess access, ContentItem existing, ContentItem updated) =>
        CanEdit(access, existing) && CanWrite(access, updated);
}
