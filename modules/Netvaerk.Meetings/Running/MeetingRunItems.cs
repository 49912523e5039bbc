using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Running;

/// <summary>The agenda as the meeting runs it. Until the meeting is frozen the items come from the live agenda (cases and
/// protocol may still change); the first run action or note freezes them into <see cref="MeetingRunItem"/> rows, which
/// the clock, the notes and the time spent then refer to by position. Callers check <see cref="MeetingAccess"/> first.</summary>
public sealed class MeetingRunItems(MeetingsDbContext db, MeetingAgenda agenda)
{
    /// <summary>The frozen items in agenda order, or null while the meeting has not been frozen.</summary>
    public async Task<IReadOnlyList<MeetingRunItem>?> FrozenAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var items = await db.InPortalTransactionAsync(() => db.RunItems.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .OrderBy(i => i.Position).ToListAsync(cancellationToken), cancellationToken);
        return items.Count == 0 ? null : items;
    }

    /// <summary>The frozen items, or the live agenda as unsaved items (Id 0, never started) when not frozen yet.</summary>
    public async Task<IReadOnlyList<MeetingRunItem>> CurrentAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return await FrozenAsync(meeting.Id, cancellationToken) ?? FromAgenda(meeting.Id, await agenda.ForMeetingAsync(meeting, cancellationToken));
    }

    /// <summary>Freezes the agenda into rows if that has not happened yet, and returns the frozen items. Two callers at
    /// once: the second one's insert fails on the unique (meeting, position) index and it reads the first one's rows.</summary>
    public async Task<IReadOnlyList<MeetingRunItem>> FreezeAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (await FrozenAsync(meeting.Id, cancellationToken) is { } frozen)
        {
            return frozen;
        }

        var items = FromAgenda(meeting.Id, await agenda.ForMeetingAsync(meeting, cancellationToken));
        if (items.Count == 0)
        {
            return items;
        }

        try
        {
            await db.WriteAsync(async () =>
            {
                db.RunItems.AddRange(items);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        return await FrozenAsync(meeting.Id, cancellationToken) ?? [];
    }

    private static List<MeetingRunItem> FromAgenda(string meetingId, Agenda planned) =>
        planned.Items.Select((item, position) => new MeetingRunItem
        {
            MeetingId = meetingId,
            Position = position,
            Phase = item.Phase,
            CaseId = item.CaseId,
            PlannedMinutes = item.Minutes,
            Guidance = item.Guidance,
            Speaks = item.Speaks,
            Produces = item.Produces,
        }).ToList();
}
