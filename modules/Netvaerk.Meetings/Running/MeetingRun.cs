using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Running;

/// <summary>The live run-sheet of a meeting: its state now, and the runners' actions (<see cref="RunSheetRules"/>),
/// stored on the frozen items. Callers check <see cref="Planning.MeetingRight.RunMeeting"/> first.</summary>
public sealed class MeetingRun(MeetingsDbContext db, MeetingRunItems runItems, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The items (frozen, else the live agenda) and the state at <see cref="Now"/>.</summary>
    public async Task<(RunState State, IReadOnlyList<MeetingRunItem> Items, DateTime Now)> StateAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var items = await runItems.CurrentAsync(meeting, cancellationToken);
        var now = Now;
        return (RunSheetRules.State(meeting, items, now), items, now);
    }

    /// <summary>Freezes the agenda and applies the action if the rules allow it; a refusal changes nothing.</summary>
    public async Task<RunRefusal> ActAsync(Meeting meeting, RunAction action, int fromPosition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled)
        {
            return RunRefusal.Cancelled;
        }

        if ((await runItems.FreezeAsync(meeting, cancellationToken)).Count == 0)
        {
            return RunRefusal.Empty;
        }

        return await db.WriteAsync(async () =>
        {
            // The database decides between devices and nodes: this update locks the meeting's rows until the commit, so a
            // second "next" made at the same moment (on any node) waits here, then reads the moved position and is stale (409).
            await db.RunItems.Where(i => i.MeetingId == meeting.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExtraMinutes, i => i.ExtraMinutes), cancellationToken);
            var items = await db.RunItems.Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
            var refusal = RunSheetRules.Apply(meeting, items, action, fromPosition, Now);
            if (refusal == RunRefusal.None)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return refusal;
        }, cancellationToken);
    }

    /// <summary>The action for its API and form name (next, previous, extend, end, start), any case.</summary>
    public static RunAction? Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "NEXT" => RunAction.Next,
        "PREVIOUS" => RunAction.Previous,
        "EXTEND" => RunAction.Extend,
        "END" => RunAction.End,
        "START" => RunAction.Start,
        _ => null,
    };
}
