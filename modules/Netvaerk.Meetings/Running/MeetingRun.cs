using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Running;

/// <summary>The live run-sheet of a meeting: its state now, and the runners' actions (<see cref="RunSheetRules"/>),
/// stored on the frozen items. Callers check <see cref="Planning.MeetingRight.RunMeeting"/> first.</summary>
public sealed class MeetingRun(MeetingsDbContext db, MeetingRunItems runItems, TimeProvider clock)
{
    /// <summary>One action at a time in this process: two devices pressing "next" at once must not skip two items (the
    /// second one then sees the new position and is stale). Run actions are rare and short, so one gate serves all.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

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

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if ((await runItems.FreezeAsync(meeting, cancellationToken)).Count == 0)
            {
                return RunRefusal.Empty;
            }

            return await db.WriteAsync(async () =>
            {
                var items = await db.RunItems.Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
                var refusal = RunSheetRules.Apply(meeting, items, action, fromPosition, Now);
                if (refusal == RunRefusal.None)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return refusal;
            }, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
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
