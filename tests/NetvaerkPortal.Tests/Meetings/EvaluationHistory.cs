using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Evaluation;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>What the evaluation and health tests do to the meetings portal: meetings that have already started (planned,
/// then moved into the past straight in the table, since planning refuses the past), with answers and attendance.</summary>
public static class EvaluationHistory
{
    /// <summary>A meeting of <paramref name="networkId"/> (network X by default) that began <paramref name="hoursAgo"/>
    /// hours ago; <paramref name="attending"/> answered yes; with <paramref name="present"/> its attendance is recorded.</summary>
    public static async Task<string> HeldMeetingAsync(this MeetingsApiPortal portal, string[] attending, string[]? present = null, double hoursAgo = 1,
        string? networkId = null, bool cancelled = false, string? theme = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(attending);
        return await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var planner = services.GetRequiredService<Netvaerk.Meetings.Planning.MeetingPlanner>();
            var id = (await planner.PlanAsync(networkId ?? portal.NetworkX, new Netvaerk.Meetings.Planning.PlanMeetings(portal.FutureStart(3), 180, null, "Rådhuset", theme)))[0].Id;
            var db = services.GetRequiredService<MeetingsDbContext>();
            var start = portal.Clock.GetUtcNow().UtcDateTime.AddHours(-hoursAgo);
            await db.WriteAsync(async () =>
            {
                foreach (var name in attending)
                {
                    db.Rsvps.Add(new MeetingRsvp { MeetingId = id, UserId = portal.UserIds[name], Attending = true, AnsweredUtc = start.AddDays(-7) });
                }

                foreach (var name in present ?? [])
                {
                    db.Attendance.Add(new MeetingAttendance { MeetingId = id, UserId = portal.UserIds[name] });
                }

                await db.SaveChangesAsync();
                await db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.StartUtc, start)
                    .SetProperty(x => x.AttendanceRecorded, present != null)
                    .SetProperty(x => x.Cancelled, cancelled));
                return true;
            }, CancellationToken.None);
            return id;
        });
    }

    /// <summary>Evaluates through the service (the API and the page are tested on their own).</summary>
    public static Task EvaluateAsync(this MeetingsApiPortal portal, string meetingId, string user, int value, int time, int energy, bool worthIt, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
        {
            var meeting = (await services.GetRequiredService<Netvaerk.Meetings.Planning.MeetingPlanner>().GetAsync(meetingId))!;
            await services.GetRequiredService<MeetingEvaluations>().AnswerAsync(meeting, portal.UserIds[user], new EvaluationAnswer(value, time, energy, worthIt, comment));
            return true;
        });
    }

    /// <summary>The evaluation tables' rows of a meeting, to show that a refusal changed nothing.</summary>
    public static Task<string> EvaluationRowsAsync(this MeetingsApiPortal portal, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            return await db.InPortalTransactionAsync(async () =>
                $"responders {await db.EvaluationResponders.CountAsync(r => r.MeetingId == meetingId)}, " +
                $"tallies {await db.EvaluationTallies.CountAsync(t => t.MeetingId == meetingId)}/{await db.EvaluationTallies.Where(t => t.MeetingId == meetingId).SumAsync(t => t.Count)}, " +
                $"comments {await db.EvaluationComments.CountAsync(c => c.MeetingId == meetingId)}", CancellationToken.None);
        });
    }
}
