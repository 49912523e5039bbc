using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>A role a member holds at an upcoming meeting ("Mine møder").</summary>
public sealed record UpcomingRole(Meeting Meeting, string Role, bool Suggested);

/// <summary>Who holds which role at a network's meetings: the stored assignment where the coordinator or meeting leader
/// set one, else <see cref="RoleRotation"/>'s suggestion over the network's history. Also setting roles and swap requests.
/// Callers check <see cref="MeetingAccess"/> first (SetRoles for <see cref="SetAsync"/>, Respond for swap requests).</summary>
public sealed class MeetingRoster(MeetingsDbContext db, NetworkMembers members, TimeProvider clock)
{
    /// <summary>The effective roles of every meeting of the network that is not cancelled, by meeting id.</summary>
    public async Task<IReadOnlyDictionary<string, EffectiveRoles>> ForNetworkAsync(string networkId, CancellationToken cancellationToken = default)
    {
        var (memberIds, input) = await RotationInputAsync(networkId, cancellationToken);
        return Assign(memberIds, input);
    }

    /// <summary>The meeting's effective roles; nobody for a cancelled meeting (or one that does not exist).</summary>
    public async Task<EffectiveRoles> ForMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return (await ForNetworkAsync(meeting.NetworkContentItemId, cancellationToken)).GetValueOrDefault(meeting.Id)
            ?? new EffectiveRoles(meeting.Id, RoleAssignment.Empty, new HashSet<string>());
    }

    /// <summary>Stores the roles as given: a null role goes back to the suggestion; empty CaseGivers follow the selected
    /// cases. Every user must be a member of the network who has not declined the meeting; the field of the first who
    /// is not is named. Open swap requests whose asker no longer holds the role are resolved.</summary>
    public async Task<EffectiveRoles> SetAsync(string meetingId, RoleAssignment roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        if (meeting.Cancelled)
        {
            throw new MeetingInputException("meetingId", "The meeting was cancelled; it has no roles to set.");
        }

        var memberIds = (await members.ListAsync(meeting.NetworkContentItemId, cancellationToken)).Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        var declined = await db.InPortalTransactionAsync(() => db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meetingId && !r.Attending).Select(r => r.UserId).ToListAsync(cancellationToken), cancellationToken);
        var rows = new List<MeetingRoleAssignment>();
        void Add(string field, string role, string? userId)
        {
            if (userId is null)
            {
                return;
            }

            if (!memberIds.Contains(userId))
            {
                throw new MeetingInputException(field, "{0}: the user is not a member of this network. Roles go to the network's members only.", field);
            }

            if (declined.Contains(userId))
            {
                throw new MeetingInputException(field, "{0}: the member has declined this meeting. Choose someone who is coming.", field);
            }

            if (!rows.Any(r => r.Role == role && r.UserId == userId))
            {
                rows.Add(new MeetingRoleAssignment { MeetingId = meetingId, Role = role, UserId = userId });
            }
        }

        Add("MeetingLeader", MeetingRoles.MeetingLeader, roles.MeetingLeader);
        Add("Timekeeper", MeetingRoles.Timekeeper, roles.Timekeeper);
        Add("NoteTaker", MeetingRoles.NoteTaker, roles.NoteTaker);
        Add("Host", MeetingRoles.Host, roles.Host);
        foreach (var giver in roles.CaseGivers)
        {
            Add("CaseGivers", MeetingRoles.CaseGiver, giver);
        }

        // The assignment as it will be, so the swap requests it settles are resolved in the same write.
        var (allMembers, input) = await RotationInputAsync(meeting.NetworkContentItemId, cancellationToken);
        var givers = rows.Where(r => r.Role == MeetingRoles.CaseGiver).Select(r => r.UserId).ToList();
        input = input.Select(m => m.Id != meetingId ? m : m with
        {
            Stored = rows.Where(r => r.Role != MeetingRoles.CaseGiver).ToDictionary(r => r.Role, r => r.UserId, StringComparer.Ordinal),
            CaseGivers = givers.Count > 0 ? givers : m.CaseGivers,
        }).ToList();
        if (!Assign(allMembers, input).TryGetValue(meetingId, out var effective))
        {
            effective = new EffectiveRoles(meetingId, RoleAssignment.Empty, new HashSet<string>());
        }

        await db.WriteAsync(async () =>
        {
            await db.Roles.Where(r => r.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            db.Roles.AddRange(rows);
            var open = await db.SwapRequests.Where(s => s.MeetingId == meetingId && s.ResolvedUtc == null).ToListAsync(cancellationToken);
            foreach (var request in open.Where(s => !effective.RolesOf(s.UserId).Contains(s.Role)))
            {
                request.ResolvedUtc = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return effective;
    }

    /// <summary>A member asks to swap a role they hold at the meeting; the coordinator or meeting leader resolves it by
    /// changing the roles. One open request per member and role: asking again replaces the note.</summary>
    public async Task<RoleSwapRequest> AskToSwapAsync(string meetingId, string userId, string role, string? note, CancellationToken cancellationToken = default)
    {
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        var text = MeetingInput.Text("Note", note, MeetingInput.NoteLength);
        if (!MeetingRoles.All.Contains(role) || !(await ForMeetingAsync(meeting, cancellationToken)).RolesOf(userId).Contains(role))
        {
            throw new MeetingInputException("Role", "You do not hold the role '{0}' at this meeting, so there is nothing to swap.", MeetingPlanner.Shorten(role));
        }

        return await db.WriteAsync(async () =>
        {
            var request = await db.SwapRequests.FirstOrDefaultAsync(s => s.MeetingId == meetingId && s.UserId == userId && s.Role == role && s.ResolvedUtc == null, cancellationToken);
            if (request is null)
            {
                request = new RoleSwapRequest { MeetingId = meetingId, UserId = userId, Role = role, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.SwapRequests.Add(request);
            }

            request.Note = text;
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }, cancellationToken);
    }

    /// <summary>Withdraws the member's own open request; false if there was none.</summary>
    public Task<bool> WithdrawSwapAsync(long requestId, string userId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async () =>
        {
            var request = await db.SwapRequests.FirstOrDefaultAsync(s => s.Id == requestId && s.UserId == userId && s.ResolvedUtc == null, cancellationToken);
            if (request is null)
            {
                return false;
            }

            request.ResolvedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The meeting's open swap requests, oldest first.</summary>
    public async Task<IReadOnlyList<RoleSwapRequest>> OpenSwapsAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.SwapRequests.AsNoTracking()
            .Where(s => s.MeetingId == meetingId && s.ResolvedUtc == null).OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The roles the user holds at upcoming meetings (not cancelled, not started) of all their networks, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingRole>> UpcomingForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<UpcomingRole>();
        foreach (var network in (await members.ForUserAsync(userId, cancellationToken)).Select(m => m.NetworkContentItemId).Distinct(StringComparer.Ordinal))
        {
            var effective = await ForNetworkAsync(network, cancellationToken);
            var upcoming = await db.InPortalTransactionAsync(() => db.Meetings.AsNoTracking()
                .Where(m => m.NetworkContentItemId == network && !m.Cancelled && m.StartUtc >= now).ToListAsync(cancellationToken), cancellationToken);
            foreach (var meeting in upcoming)
            {
                if (effective.TryGetValue(meeting.Id, out var roles))
                {
                    list.AddRange(roles.RolesOf(userId).Select(role => new UpcomingRole(meeting, role, roles.Suggested.Contains(role))));
                }
            }
        }

        return list.OrderBy(r => r.Meeting.StartUtc).ThenBy(r => r.Meeting.Id, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, EffectiveRoles> Assign(IReadOnlyList<string> memberIds, IReadOnlyList<RotationMeeting> input) =>
        RoleRotation.Assign(memberIds, input).ToDictionary(r => r.MeetingId, StringComparer.Ordinal);

    /// <summary>The network's members and its meetings that are not cancelled, in order, as the rotation reads them:
    /// stored roles, who declined, and the case givers (stored, else the owners of the selected cases in case order).</summary>
    private async Task<(List<string> Members, List<RotationMeeting> Meetings)> RotationInputAsync(string networkId, CancellationToken cancellationToken)
    {
        var memberIds = (await members.ListAsync(networkId, cancellationToken)).Select(m => m.UserId).ToList();
        var meetings = await db.InPortalTransactionAsync(async () =>
        {
            var list = await db.Meetings.AsNoTracking()
                .Where(m => m.NetworkContentItemId == networkId && !m.Cancelled)
                .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.Place }).ToListAsync(cancellationToken);
            var ids = list.Select(m => m.Id).ToList();
            var stored = await db.Roles.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var declined = await db.Rsvps.AsNoTracking().Where(r => ids.Contains(r.MeetingId) && !r.Attending).Select(r => new { r.MeetingId, r.UserId }).ToListAsync(cancellationToken);
            var selected = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.MeetingId) && c.Selected)
                .OrderBy(c => c.Position).ThenBy(c => c.CreatedUtc).ThenBy(c => c.Id).Select(c => new { c.MeetingId, c.UserId }).ToListAsync(cancellationToken);
            return list.Select(m =>
            {
                var rows = stored.Where(r => r.MeetingId == m.Id).ToList();
                var storedGivers = rows.Where(r => r.Role == MeetingRoles.CaseGiver).Select(r => r.UserId).ToList();
                return new RotationMeeting(
                    m.Id,
                    m.Place,
                    declined.Where(d => d.MeetingId == m.Id).Select(d => d.UserId).ToHashSet(StringComparer.Ordinal),
                    rows.Where(r => r.Role != MeetingRoles.CaseGiver).GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Last().UserId, StringComparer.Ordinal),
                    storedGivers.Count > 0 ? storedGivers : selected.Where(c => c.MeetingId == m.Id).Select(c => c.UserId).ToList());
            }).ToList();
        }, cancellationToken);
        return (memberIds, meetings);
    }
}
