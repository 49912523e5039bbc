using Netvaerk.Meetings.Planning;
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

/// <summary>How much of a network's attendance the reader sees, by the meetings' own rules (<see cref="MeetingAccess"/>);
/// the attendance page and API both ask here.</summary>
public static class AttendancePermission
{
    public static async Task<(AttendanceView View, ContentItem? Network)> DecideAsync(
        MeetingAccess access, ContentManager content, string networkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(content);
        if (await access.ForNetworkAsync(networkId, MeetingRight.Read, cancellationToken) != MeetingAccessResult.Allowed
            || await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) is not { } network)
        {
            return (AttendanceView.Hidden, null);
        }

        var all = await access.ForNetworkAsync(networkId, MeetingRight.SeeAllCommitment, cancellationToken) == MeetingAccessResult.Allowed;
        return (all ? AttendanceView.All : AttendanceView.Own, network);
    }
}
