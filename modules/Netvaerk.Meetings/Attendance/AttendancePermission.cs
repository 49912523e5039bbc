using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Attendance;

/// <summary>How much of a network's attendance a reader sees.</summary>
public enum AttendanceView
{
    /// <summary>Not a member nor an editor (or no such network): answer 404, as if it did not exist.</summary>
    Hidden,

    /// <summary>A member: the totals per meeting and their own row.</summary>
    Own,

    /// <summary>The network's coordinators (tovholdere), editors and administrators: every member's row.</summary>
    All,
}

/// <summary>Who sees a network's attendance; the attendance page and API both ask here.</summary>
public static class AttendancePermission
{
    public static async Task<(AttendanceView View, ContentItem? Network)> DecideAsync(
        ReaderAccess access, ContentManager content, string networkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var (decision, network) = await MembersPermission.DecideAsync(access, content, networkId, manage: false, cancellationToken);
        return decision != MembersDecision.Allowed || network is null
            ? (AttendanceView.Hidden, null)
            : (access.MayManageMembers(networkId) ? AttendanceView.All : AttendanceView.Own, network);
    }
}
