using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Attendance;

/// <param name="Present">How many came, once the note-taker recorded it; null before.</param>
public sealed record MeetingTally(string Id, DateTime StartUtc, int Yes, int No, int? Present, bool Recorded);

/// <param name="Held">The meetings with recorded attendance since the member joined (and any other they came to).</param>
/// <param name="Rate">Attended out of held, in whole per cent; null when none was held.</param>
/// <param name="Yes">How many meetings they answered yes to; <paramref name="No"/> likewise.</param>
public sealed record MemberTally(string UserId, string UserName, int Attended, int Held, int? Rate, int Yes, int No);

public sealed record AttendanceReport(IReadOnlyList<MeetingTally> Meetings, IReadOnlyList<MemberTally> Members);

/// <summary>A network's commitment, read from the meeting tables: per meeting (not cancelled) the RSVP answers and, once
/// recorded, how many came; per current member how many of the held meetings since they joined they came to.</summary>
public sealed class NetworkAttendance(MeetingsDbContext db, PortalDbContext portal, NetworkMembers members)
{
    /// <param name="onlyUserId">The one member row to include (a member sees their own), or null for all.</param>
    public async Task<AttendanceReport> ForNetworkAsync(string networkId, string? onlyUserId, CancellationToken cancellationToken = default)
    {
        var (meetings, rsvps, present) = await db.InPortalTransactionAsync(async () =>
        {
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.NetworkContentItemId == networkId && !m.Cancelled)
                .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.StartUtc, m.AttendanceRecorded })
                .ToListAsync(cancellationToken);
            var ids = meetings.Select(m => m.Id).ToList();
            var rsvps = await db.Rsvps.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).Select(r => new { r.MeetingId, r.UserId, r.Attending }).ToListAsync(cancellationToken);
            var present = await db.Attendance.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).Select(a => new { a.MeetingId, a.UserId }).ToListAsync(cancellationToken);
            return (meetings, rsvps, present);
        }, cancellationToken);

        var recorded = meetings.Where(m => m.AttendanceRecorded).ToDictionary(m => m.Id, m => m.StartUtc, StringComparer.Ordinal);
        var came = present.Where(p => recorded.ContainsKey(p.MeetingId)).Select(p => (p.MeetingId, p.UserId)).ToHashSet();
        var tallies = meetings.Select(m => new MeetingTally(
            m.Id,
            DateTime.SpecifyKind(m.StartUtc, DateTimeKind.Utc),
            rsvps.Count(r => r.MeetingId == m.Id && r.Attending),
            rsvps.Count(r => r.MeetingId == m.Id && !r.Attending),
            m.AttendanceRecorded ? came.Count(c => c.MeetingId == m.Id) : null,
            m.AttendanceRecorded)).ToList();

        var memberships = (await members.ListAsync(networkId, cancellationToken)).Where(m => onlyUserId is null || m.UserId == onlyUserId).ToList();
        var userIds = memberships.Select(m => m.UserId).ToList();
        var names = await portal.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        var rows = memberships.Select(member =>
        {
            // Joined on the day of a meeting counts for that meeting: a member is often added the morning they first come.
            var joined = MeetingTime.ToLocal(member.CreatedUtc).Date;
            var held = recorded.Where(m => MeetingTime.ToLocal(m.Value).Date >= joined || came.Contains((m.Key, member.UserId))).Select(m => m.Key).ToList();
            var attended = held.Count(id => came.Contains((id, member.UserId)));
            return new MemberTally(
                member.UserId,
                names.GetValueOrDefault(member.UserId, member.UserId),
                attended,
                held.Count,
                held.Count == 0 ? null : (int)Math.Round(100.0 * attended / held.Count, MidpointRounding.AwayFromZero),
                rsvps.Count(r => r.UserId == member.UserId && r.Attending),
                rsvps.Count(r => r.UserId == member.UserId && !r.Attending));
        }).OrderBy(r => r.UserName, StringComparer.CurrentCulture).ToList();
        return new AttendanceReport(tallies, rows);
    }
}
