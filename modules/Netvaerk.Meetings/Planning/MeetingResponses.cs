using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Attendance at one meeting: how many answered and came.</summary>
public sealed record MeetingCommitment(string MeetingId, DateTime Start, bool AttendanceRecorded, int Members, int AnsweredYes, int AnsweredNo, int Present);

/// <summary>One member's commitment over the network's meetings with recorded attendance since they joined.</summary>
public sealed record MemberCommitment(string UserId, int Recorded, int Present, int AnsweredYes, int AnsweredNo);

/// <summary>The network's commitment: per meeting (held meetings, earliest first), and per member.</summary>
public sealed record Commitment(IReadOnlyList<MeetingCommitment> Meetings, IReadOnlyList<MemberCommitment> Members);

/// <summary>RSVPs, attendance and commitment. Callers check <see cref="MeetingAccess"/> first: Respond for the
/// reader's own answer, RecordAttendance for attendance, SeeAllCommitment for every member's commitment.</summary>
public sealed class MeetingResponses(MeetingsDbContext db, NetworkMembers members, TimeProvider clock)
{
    public async Task<IReadOnlyList<MeetingRsvp>> RsvpsAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderBy(r => r.AnsweredUtc).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The user ids recorded as present.</summary>
    public async Task<IReadOnlyList<string>> PresentAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).Select(a => a.UserId)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The member's answer (yes/no with an optional reason) to a meeting that is neither cancelled nor started;
    /// answering again replaces it.</summary>
    public async Task<MeetingRsvp> AnswerAsync(string meetingId, string userId, bool attending, string? reason, CancellationToken cancellationToken = default)
    {
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        if (meeting.Cancelled)
        {
            throw new MeetingInputException("Answer", "The meeting was cancelled, so it takes no answers.");
        }

        if (meeting.StartUtc <= clock.GetUtcNow().UtcDateTime)
        {
            throw new MeetingInputException("Answer", "The meeting has already started, so it takes no more answers.");
        }

        var why = MeetingInput.Text("Reason", reason, MeetingInput.ReasonLength);
        return await db.WriteAsync(async () =>
        {
            var rsvp = await db.Rsvps.FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.UserId == userId, cancellationToken);
            if (rsvp is null)
            {
                rsvp = new MeetingRsvp { MeetingId = meetingId, UserId = userId };
                db.Rsvps.Add(rsvp);
            }

            rsvp.Attending = attending;
            rsvp.Reason = why;
            rsvp.AnsweredUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return rsvp;
        }, cancellationToken);
    }

    /// <summary>Records who came (replacing an earlier record): members of the network only, from the meeting's day on,
    /// not for a cancelled meeting.</summary>
    public async Task<IReadOnlyList<string>> RecordAttendanceAsync(string meetingId, IReadOnlyList<string> presentUserIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentUserIds);
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        if (meeting.Cancelled)
        {
            throw new MeetingInputException("Present", "The meeting was cancelled; nobody came to record.");
        }

        if (DateOnly.FromDateTime(MeetingTime.ToLocal(meeting.StartUtc)) > DateOnly.FromDateTime(MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime)))
        {
            throw new MeetingInputException("Present", "The meeting has not taken place yet. Record who came on the day of the meeting or later.");
        }

        var memberIds = (await members.ListAsync(meeting.NetworkContentItemId, cancellationToken)).Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        if (presentUserIds.FirstOrDefault(id => !memberIds.Contains(id)) is not null)
        {
            throw new MeetingInputException("Present", "Present names someone who is not a member of this network. Record the network's members only.");
        }

        var present = presentUserIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.WriteAsync(async () =>
        {
            await db.Attendance.Where(a => a.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            db.Attendance.AddRange(present.Select(id => new MeetingAttendance { MeetingId = meetingId, UserId = id }));
            var tracked = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
            tracked.AttendanceRecorded = true;
            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<string>)present;
        }, cancellationToken);
    }

    /// <summary>Commitment over the network's meetings that have started and were not cancelled. Per member only
    /// <paramref name="onlyUserId"/> when given (a member sees their own), else every current member (coordinators).</summary>
    public async Task<Commitment> CommitmentAsync(string networkId, string? onlyUserId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var memberList = await members.ListAsync(networkId, cancellationToken);
        return await db.InPortalTransactionAsync(async () =>
        {
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.NetworkContentItemId == networkId && !m.Cancelled && m.StartUtc <= now)
                .OrderBy(m => m.StartUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
            var ids = meetings.Select(m => m.Id).ToList();
            var rsvps = await db.Rsvps.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).ToListAsync(cancellationToken);
            var present = await db.Attendance.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).ToListAsync(cancellationToken);
            var perMeeting = meetings.Select(m => new MeetingCommitment(
                m.Id,
                MeetingTime.ToLocal(m.StartUtc),
                m.AttendanceRecorded,
                memberList.Count(x => x.CreatedUtc <= m.StartUtc),
                rsvps.Count(r => r.MeetingId == m.Id && r.Attending),
                rsvps.Count(r => r.MeetingId == m.Id && !r.Attending),
                present.Count(a => a.MeetingId == m.Id))).ToList();
            var perMember = memberList.Where(x => onlyUserId is null || x.UserId == onlyUserId).Select(x =>
            {
                var since = meetings.Where(m => m.StartUtc >= x.CreatedUtc).ToList();
                var recorded = since.Where(m => m.AttendanceRecorded).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
                var answered = rsvps.Where(r => r.UserId == x.UserId && since.Any(m => m.Id == r.MeetingId)).ToList();
                return new MemberCommitment(x.UserId, recorded.Count, present.Count(a => a.UserId == x.UserId && recorded.Contains(a.MeetingId)),
                    answered.Count(r => r.Attending), answered.Count(r => !r.Attending));
            }).ToList();
            return new Commitment(perMeeting, perMember);
        }, cancellationToken);
    }
}
