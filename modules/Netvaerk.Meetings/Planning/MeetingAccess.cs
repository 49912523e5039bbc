using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>What a reader wants to do with a network's meetings.</summary>
public enum MeetingRight
{
    /// <summary>See the meetings, cases, roles, answers and agenda: members, editors and administrators.</summary>
    Read,

    /// <summary>Plan, change, move, cancel and delete meetings: the network's coordinators, editors and administrators.</summary>
    Plan,

    /// <summary>Set a meeting's roles: as Plan, and the meeting's meeting leader.</summary>
    SetRoles,

    /// <summary>Choose the cases and their order: as SetRoles.</summary>
    PickCases,

    /// <summary>Record who came: the meeting leader, the note-taker, the coordinators, editors and administrators.</summary>
    RecordAttendance,

    /// <summary>Write the meeting's action items: as RecordAttendance.</summary>
    WriteActions,

    /// <summary>Answer the invitation, bring cases, ask to swap a role: the network's members.</summary>
    Respond,

    /// <summary>See every member's commitment (a member sees their own): as Plan.</summary>
    SeeAllCommitment,

    /// <summary>Move the live run-sheet on (next phase, more time, end the meeting): the meeting leader, the timekeeper,
    /// the coordinators, editors and administrators.</summary>
    RunMeeting,

    /// <summary>Write the meeting's notes and decisions, and promote a learning: as RecordAttendance.</summary>
    WriteNotes,

    /// <summary>Evaluate the meeting: the network's members (the evaluation itself checks that they attended).</summary>
    Evaluate,
}

/// <summary>The permission rules of meetings for the current reader (NetworkReaderContext). Meetings belong to their
/// network: whoever is neither a member nor an editor/administrator of the tenant gets Hidden (404), as for a meeting,
/// case or action that does not exist. The meeting leader and note-taker are the meeting's effective ones (stored, else
/// suggested by the rotation). The API and the pages ask here before they call the services.</summary>
public sealed class MeetingAccess(NetworkReaderContext readers, NetworkMembers members, MeetingsDbContext db, MeetingRoster roster)
{
    public Task<ReaderAccess> ReaderAsync(CancellationToken cancellationToken = default) => readers.GetAccessAsync(cancellationToken);

    public async Task<MeetingAccessResult> ForNetworkAsync(string networkId, MeetingRight right, CancellationToken cancellationToken = default)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (!await SeesAsync(access, networkId, cancellationToken))
        {
            return MeetingAccessResult.Hidden;
        }

        return Allowed(right switch
        {
            MeetingRight.Read => true,
            MeetingRight.Respond or MeetingRight.Evaluate => access.Reader.NetworkIds.Contains(networkId),
            _ => access.MayManageMembers(networkId),
        });
    }

    /// <summary>The decision, and the meeting when the reader may see it.</summary>
    public async Task<(MeetingAccessResult Decision, Meeting? Meeting)> ForMeetingAsync(string meetingId, MeetingRight right, CancellationToken cancellationToken = default)
    {
        var meeting = await db.FindMeetingAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return (MeetingAccessResult.Hidden, null);
        }

        var decision = await ForNetworkAsync(meeting.NetworkContentItemId, right, cancellationToken);
        if (decision == MeetingAccessResult.Refused && right is MeetingRight.SetRoles or MeetingRight.PickCases or MeetingRight.RecordAttendance
            or MeetingRight.WriteActions or MeetingRight.RunMeeting or MeetingRight.WriteNotes)
        {
            var access = await readers.GetAccessAsync(cancellationToken);
            var roles = (await roster.ForMeetingAsync(meeting, cancellationToken)).Roles;
            bool Holds(string? role) => access.UserId is { } userId && role == userId;
            decision = Allowed(Holds(roles.MeetingLeader)
                || (Holds(roles.NoteTaker) && right is MeetingRight.RecordAttendance or MeetingRight.WriteActions or MeetingRight.WriteNotes)
                || (Holds(roles.Timekeeper) && right is MeetingRight.RunMeeting));
        }

        return (decision, decision == MeetingAccessResult.Hidden ? null : meeting);
    }

    /// <summary>A case: Allowed to change or withdraw for its owner (while a member); Refused for other readers of the meeting.</summary>
    public async Task<(MeetingAccessResult Decision, MeetingCase? Case)> ForCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var item = ContentIds.IsValid(caseId) ? await db.InPortalTransactionAsync(() => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken), cancellationToken) : null;
        if (item is null)
        {
            return (MeetingAccessResult.Hidden, null);
        }

        var (decision, _) = await ForMeetingAsync(item.MeetingId, MeetingRight.Respond, cancellationToken);
        if (decision == MeetingAccessResult.Hidden)
        {
            return (decision, null);
        }

        var access = await readers.GetAccessAsync(cancellationToken);
        return (Allowed(decision == MeetingAccessResult.Allowed && item.UserId == access.UserId), item);
    }

    /// <summary>An action: its meeting's WriteActions, or its owner (who marks their own action done).</summary>
    public async Task<(MeetingAccessResult Decision, MeetingAction? Action)> ForActionAsync(string actionId, CancellationToken cancellationToken = default)
    {
        var action = ContentIds.IsValid(actionId) ? await db.InPortalTransactionAsync(() => db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken), cancellationToken) : null;
        if (action is null)
        {
            return (MeetingAccessResult.Hidden, null);
        }

        var (decision, _) = await ForMeetingAsync(action.MeetingId, MeetingRight.WriteActions, cancellationToken);
        if (decision == MeetingAccessResult.Refused && action.OwnerUserId is not null && action.OwnerUserId == (await readers.GetAccessAsync(cancellationToken)).UserId)
        {
            decision = MeetingAccessResult.Allowed;
        }

        return (decision, decision == MeetingAccessResult.Hidden ? null : action);
    }

    /// <summary>Members of the network, editors and administrators see its meetings, if the network exists.</summary>
    private async Task<bool> SeesAsync(ReaderAccess access, string networkId, CancellationToken cancellationToken) =>
        ContentIds.IsValid(networkId)
        && (access.IsEditor || access.Reader.NetworkIds.Contains(networkId))
        && await members.NetworkExistsAsync(networkId, cancellationToken);

    private static MeetingAccessResult Allowed(bool allowed) => allowed ? MeetingAccessResult.Allowed : MeetingAccessResult.Refused;
}
