using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Attendance;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Evaluation;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;

namespace Netvaerk.Meetings.Health;

/// <summary>Computes a network's <see cref="HealthReport"/> from the meeting tables, reusing the one attendance report
/// (<see cref="NetworkAttendance"/>), the effective roles (<see cref="MeetingRoster"/>), the evaluation aggregates
/// (<see cref="MeetingEvaluations"/>, so the minimum of three answers holds here too) and the open actions.
/// Callers check <see cref="MeetingAccess"/> (Read on the network) first.</summary>
public sealed class NetworkHealth(
    MeetingsDbContext db, NetworkAttendance attendance, MeetingRoster roster, MeetingEvaluations evaluations, MeetingActions actions,
    NetworkMembers members, MeetingPeople people, TimeProvider clock)
{
    public async Task<HealthReport> ForNetworkAsync(string networkId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = await attendance.ForNetworkAsync(networkId, null, cancellationToken);
        var held = report.Meetings.Where(m => m.StartUtc <= now).ToList();
        var heldIds = held.Select(m => m.Id).ToList();
        var (themes, came) = await db.InPortalTransactionAsync(async () => (
            await db.Meetings.AsNoTracking().Where(m => heldIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Theme, cancellationToken),
            (await db.Attendance.AsNoTracking().Where(a => heldIds.Contains(a.MeetingId)).Select(a => new { a.MeetingId, a.UserId }).ToListAsync(cancellationToken))
                .Select(a => (a.MeetingId, a.UserId)).ToHashSet()), cancellationToken);
        var memberships = await members.ListAsync(networkId, cancellationToken);
        var results = await evaluations.ResultsAsync(heldIds, cancellationToken);
        var meetings = held.Select(m =>
        {
            // The attendance report's rule: a member counts from the day they joined, or for any meeting they came to.
            var day = MeetingTime.ToLocal(m.StartUtc).Date;
            var count = memberships.Count(member => MeetingTime.ToLocal(member.CreatedUtc).Date <= day || came.Contains((m.Id, member.UserId)));
            var result = results[m.Id];
            return new HeldMeeting(m.Id, m.StartUtc, themes.GetValueOrDefault(m.Id), m.Present, count,
                m.Present is { } present && count > 0 ? (int)Math.Round(100.0 * present / count, MidpointRounding.AwayFromZero) : null,
                result.Answers, result.Value, result.Time, result.Energy, result.WorthIt);
        }).ToList();

        var names = await people.NamesAsync(memberships.Select(m => m.UserId), cancellationToken);
        var roles = await roster.ForNetworkAsync(networkId, cancellationToken);
        var heldRoles = heldIds.Select(id => roles.GetValueOrDefault(id)).OfType<EffectiveRoles>().ToList();
        int Times(string userId, string role) => heldRoles.Count(r => r.RolesOf(userId).Contains(role));
        var shares = memberships.Select(m => new MemberShare(m.UserId, names.GetValueOrDefault(m.UserId, "?"),
                Times(m.UserId, MeetingRoles.MeetingLeader), Times(m.UserId, MeetingRoles.Timekeeper), Times(m.UserId, MeetingRoles.NoteTaker),
                Times(m.UserId, MeetingRoles.Host), Times(m.UserId, MeetingRoles.CaseGiver)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ThenBy(s => s.UserId, StringComparer.Ordinal).ToList();

        return new HealthReport(
            networkId,
            meetings,
            shares,
            shares.Where(s => s.CaseGiver == 0).Select(s => s.Name).ToList(),
            shares.Where(s => s.MeetingLeader == 0).Select(s => s.Name).ToList(),
            await ActionsAsync(networkId, now, cancellationToken),
            await PhasesAsync(heldIds, cancellationToken));
    }

    private async Task<ActionsHealth> ActionsAsync(string networkId, DateTime now, CancellationToken cancellationToken)
    {
        var open = await actions.OpenAsync(networkId, cancellationToken);
        var today = DateOnly.FromDateTime(MeetingTime.ToLocal(now));
        var owners = await people.NamesAsync(open.Select(a => a.OwnerUserId), cancellationToken);
        var items = open.Select(a => new OpenAction(a.Id, a.MeetingId, a.Text, a.OwnerUserId is null ? null : owners.GetValueOrDefault(a.OwnerUserId), a.Due,
            a.Due is { } due && due < today)).ToList();
        return new ActionsHealth(items.Count, items.Count(a => a.Overdue), items);
    }

    /// <summary>Planned and spent minutes per phase name over the items that ran, in the order the phases first appear.</summary>
    private async Task<IReadOnlyList<PhaseTime>> PhasesAsync(IReadOnlyList<string> heldIds, CancellationToken cancellationToken)
    {
        var items = await db.InPortalTransactionAsync(() => db.RunItems.AsNoTracking()
            .Where(i => heldIds.Contains(i.MeetingId) && i.StartedUtc != null && i.EndedUtc != null)
            .Select(i => new { i.MeetingId, i.Position, i.Phase, i.PlannedMinutes, Started = i.StartedUtc!.Value, Ended = i.EndedUtc!.Value })
            .ToListAsync(cancellationToken), cancellationToken);
        var order = heldIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index, StringComparer.Ordinal);
        return items
            .OrderBy(i => order[i.MeetingId]).ThenBy(i => i.Position)
            .GroupBy(i => i.Phase, StringComparer.Ordinal)
            .Select(g => new PhaseTime(g.Key, g.Count(), g.Sum(i => i.PlannedMinutes),
                Math.Round(g.Sum(i => Math.Max(0, (i.Ended - i.Started).TotalSeconds)) / 60, 1, MidpointRounding.AwayFromZero)))
            .ToList();
    }
}
